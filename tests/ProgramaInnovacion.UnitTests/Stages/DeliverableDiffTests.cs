using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Stages;

public class DeliverableDiffTests
{
    private static readonly StageSchema Schema = new()
    {
        Fields =
        [
            new FieldDefinition { Key = "titulo", Label = "Título", Type = FieldType.ShortText },
            new FieldDefinition { Key = "pregunta", Label = "Pregunta", Type = FieldType.ShortText },
            new FieldDefinition { Key = "area", Label = "Área", Type = FieldType.ShortText },
            new FieldDefinition
            {
                Key = "actores",
                Label = "Actores",
                Type = FieldType.Table,
                Columns = [new FieldDefinition { Key = "nombre", Label = "Nombre", Type = FieldType.ShortText }, new FieldDefinition { Key = "rol", Label = "Rol", Type = FieldType.ShortText }],
            },
        ],
    };

    private static JsonArray Rows(params (string Name, string Role)[] rows) =>
        new(rows.Select(r => (JsonNode?)new JsonObject { ["nombre"] = r.Name, ["rol"] = r.Role }).ToArray());

    [Fact]
    public void ScalarFields_AreMarkedAddedRemovedChangedOrUnchanged()
    {
        var changes = DeliverableDiff.Compare(Schema,
            new JsonObject { ["titulo"] = "Igual", ["pregunta"] = "Vieja", ["area"] = "Sistemas" },
            new JsonObject { ["titulo"] = "Igual", ["pregunta"] = "Nueva" });

        Assert.Equal(ChangeKind.Unchanged, changes.Single(c => c.Key == "titulo").Kind);
        var question = changes.Single(c => c.Key == "pregunta");
        Assert.Equal((ChangeKind.Changed, "Vieja", "Nueva"), (question.Kind, question.Before, question.After));
        Assert.Equal(ChangeKind.Removed, changes.Single(c => c.Key == "area").Kind);
        Assert.Equal(ChangeKind.Added, DeliverableDiff.Compare(Schema, [], new JsonObject { ["area"] = "Obras" }).Single(c => c.Key == "area").Kind);
    }

    [Fact]
    public void TableRows_InsertedInTheMiddle_ShowAsOneAddedRow_NotAsEveryRowChanged()
    {
        var before = new JsonObject { ["actores"] = Rows(("A", "x"), ("B", "y"), ("C", "z")) };
        var after = new JsonObject { ["actores"] = Rows(("A", "x"), ("Nuevo", "n"), ("B", "y"), ("C", "z")) };

        var rows = DeliverableDiff.Compare(Schema, before, after).Single(c => c.Key == "actores").Rows;

        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Added, ChangeKind.Unchanged, ChangeKind.Unchanged], rows.Select(r => r.Kind));
        Assert.Equal(2, rows[1].AfterIndex);
        Assert.Null(rows[1].BeforeIndex);
    }

    [Fact]
    public void TableRows_EditedRemovedAndAdded_AreReportedWithTheirCells()
    {
        var before = new JsonObject { ["actores"] = Rows(("A", "x"), ("B", "y"), ("C", "z")) };
        var after = new JsonObject { ["actores"] = Rows(("A", "x"), ("B", "otro rol"), ("D", "w"), ("E", "v")) };

        var table = DeliverableDiff.Compare(Schema, before, after).Single(c => c.Key == "actores");

        Assert.Equal(ChangeKind.Changed, table.Kind);
        var changed = table.Rows.Where(r => r.Kind == ChangeKind.Changed).ToList();
        Assert.Contains(changed, r => r.Cells.Single(c => c.Label == "Rol") is { Before: "y", After: "otro rol", IsChanged: true });
        Assert.Equal(1, table.Rows.Count(r => r.Kind == ChangeKind.Added));
        Assert.Equal(2, changed.Count);
        Assert.Equal(0, table.Rows.Count(r => r.Kind == ChangeKind.Removed));
    }

    [Fact]
    public void TableRows_AllRemoved_TheFieldIsRemoved()
    {
        var table = DeliverableDiff.Compare(Schema, new JsonObject { ["actores"] = Rows(("A", "x")) }, []).Single(c => c.Key == "actores");
        Assert.Equal(ChangeKind.Removed, table.Kind);
        Assert.Equal(ChangeKind.Removed, table.Rows.Single().Kind);
        Assert.Equal("A", table.Rows.Single().Cells[0].Before);
    }

    [Fact]
    public void RetiredKeys_AreComparedToo()
    {
        var changes = DeliverableDiff.Compare(Schema, new JsonObject { ["viejo"] = "1" }, new JsonObject { ["viejo"] = "2" });
        var retired = changes.Single(c => c.Key == "viejo");
        Assert.True(retired.IsRetired);
        Assert.Equal(ChangeKind.Changed, retired.Kind);
    }

    [Fact]
    public void HugeTables_AreComparedCheaply_ByPositionBeyondTheMatchingBudget()
    {
        var many = Enumerable.Range(0, 5000).Select(i => ($"Actor {i}", "rol")).ToArray();
        var edited = many.Select((r, i) => i % 2 == 0 ? (r.Item1 + " editado", r.Item2) : r).ToArray();

        var table = DeliverableDiff.Compare(Schema, new JsonObject { ["actores"] = Rows(many) }, new JsonObject { ["actores"] = Rows(edited) }).Single(c => c.Key == "actores");

        Assert.Equal(2500, table.Rows.Count(r => r.Kind == ChangeKind.Changed));
        Assert.Equal(2500, table.Rows.Count(r => r.Kind == ChangeKind.Unchanged));
    }

    [Fact]
    public void Numbers_AreComparedAndShownAsPeopleReadThem()
    {
        var schema = new StageSchema
        {
            Fields =
            [
                new FieldDefinition { Key = "participantes", Label = "Participantes", Type = FieldType.Number },
                new FieldDefinition { Key = "monto", Label = "Monto", Type = FieldType.Number },
                new FieldDefinition { Key = "ideas", Label = "Ideas", Type = FieldType.Table, Columns = [new FieldDefinition { Key = "puntaje", Label = "Puntaje", Type = FieldType.Number }] },
            ],
        };

        var changes = DeliverableDiff.Compare(schema,
            JsonNode.Parse("""{"participantes": 1.250, "monto": 1250.0, "ideas": [{"puntaje": 7.50}]}""")!.AsObject(),
            new JsonObject { ["participantes"] = 1250m, ["monto"] = 1250m, ["ideas"] = new JsonArray(new JsonObject { ["puntaje"] = 7.5m }) });

        var participants = changes.Single(c => c.Key == "participantes");
        Assert.Equal((ChangeKind.Changed, "1,25", "1.250"), (participants.Kind, participants.Before, participants.After));
        Assert.Equal(ChangeKind.Unchanged, changes.Single(c => c.Key == "monto").Kind);
        var ideas = changes.Single(c => c.Key == "ideas");
        Assert.Equal(ChangeKind.Unchanged, ideas.Kind);
        Assert.Equal("7,5", ideas.Rows[0].Cells[0].After);
    }
}
