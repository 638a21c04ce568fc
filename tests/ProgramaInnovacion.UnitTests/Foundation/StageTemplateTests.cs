using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class StageTemplateTests
{
    [Fact]
    public void DefaultTemplate_HasTheTenStagesInOrder_WithUniqueKeys()
    {
        var stages = DefaultStageTemplate.Stages;
        Assert.Equal(Enumerable.Range(1, 10), stages.Select(s => s.Order));
        Assert.Equal(stages.Count, stages.Select(s => s.Key).Distinct().Count());
        Assert.Equal("mesa-expertos", stages[^1].Key);
        Assert.False(stages[^1].HasTeamForm);
        Assert.All(stages.Take(9), s => Assert.NotEmpty(s.Schema.Fields));
    }

    [Fact]
    public void EverySchema_HasUniqueFieldKeys_AndTablesHaveColumns()
    {
        foreach (var stage in DefaultStageTemplate.Stages)
        {
            Assert.Equal(stage.Schema.Fields.Count, stage.Schema.Fields.Select(f => f.Key).Distinct().Count());
            foreach (var table in stage.Schema.Fields.Where(f => f.Type == FieldType.Table))
            {
                Assert.NotEmpty(table.Columns!);
                Assert.All(table.Columns!, c => Assert.NotEqual(FieldType.Table, c.Type));
            }

            foreach (var choice in stage.Schema.Fields.Concat(stage.Schema.Fields.SelectMany(f => f.Columns ?? [])).Where(f => f.Type is FieldType.SingleChoice or FieldType.MultipleChoice))
            {
                Assert.NotEmpty(choice.Options!);
            }
        }
    }

    [Fact]
    public void Schema_RoundTripsThroughJson()
    {
        var schema = DefaultStageTemplate.Stages.Single(s => s.Key == "actores").Schema;
        var copy = StageSchema.FromJson(schema.ToJson());
        var table = copy.Find("actores")!;
        Assert.Equal(FieldType.Table, table.Type);
        Assert.Equal(3, table.MinRows);
        Assert.Equal(["Directo", "Indirecto"], table.Columns!.Single(c => c.Key == "tipo").Options);
        Assert.Equal(5m, table.Columns!.Single(c => c.Key == "influencia").Max);
        Assert.Contains("\"type\":\"table\"", schema.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeliverableContent_KeepsFieldsTheSchemaNoLongerHas_AsRetired()
    {
        var schema = new StageSchema { Fields = [new FieldDefinition { Key = "titulo", Label = "Título" }] };
        var content = DeliverableContent.Parse("""{"titulo":"Trámites en línea","presupuesto":"1.000.000","vacio":null}""");
        Assert.Equal("Trámites en línea", content.Text("titulo"));
        Assert.Equal(["presupuesto"], content.RetiredKeys(schema));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no es json")]
    [InlineData("[1,2,3]")]
    public void DeliverableContent_FromUnreadableJson_IsEmpty_NotAnError(string json)
    {
        var content = DeliverableContent.Parse(json);
        Assert.False(content.Has("titulo"));
        Assert.Equal("", content.Text("titulo"));
    }

    [Fact]
    public void DeliverableContent_ReadsTablesListsAndNumbers()
    {
        var content = DeliverableContent.Parse("""{"actores":[{"nombre":"Vecinos","influencia":2}],"canales":["web","whatsapp"],"participantes":42.5}""");
        Assert.Equal("Vecinos", content.Rows("actores")[0]["nombre"]);
        Assert.Equal("2", content.Rows("actores")[0]["influencia"]);
        Assert.Equal(["web", "whatsapp"], content.List("canales"));
        Assert.Equal("42.5", content.Text("participantes"));
        Assert.Equal("""{"x":"gestión"}""", DeliverableContent.Serialize(new System.Text.Json.Nodes.JsonObject { ["x"] = "gestión" }));
    }
}
