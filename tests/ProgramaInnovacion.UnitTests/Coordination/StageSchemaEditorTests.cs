using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Coordination;

public class StageSchemaEditorTests
{
    private static readonly StageSchema Schema = new()
    {
        Fields =
        [
            new FieldDefinition { Key = "titulo", Label = "Título", Type = FieldType.ShortText, MaxLength = 150 },
            new FieldDefinition { Key = "problema", Label = "Problema", Type = FieldType.LongText },
            new FieldDefinition { Key = "area", Label = "Área", Type = FieldType.ShortText },
        ],
    };

    private static readonly HashSet<string> NoContent = [];

    [Fact]
    public void Add_AppendsAValidField()
    {
        var result = StageSchemaEditor.Add(Schema, new FieldDefinition { Key = "costo", Label = "Costo", Type = FieldType.Number, Min = 0, Max = 1000 }, NoContent);
        Assert.True(result.Succeeded);
        Assert.Equal(["titulo", "problema", "area", "costo"], result.Schema.Fields.Select(f => f.Key));
    }

    [Theory]
    [InlineData("titulo", "Ya hay un campo")]
    [InlineData("Título", "minúsculas")]
    [InlineData("", "minúsculas")]
    [InlineData("1campo", "empieza con una letra")]
    public void Add_WithADuplicateOrInvalidKey_IsRefused(string key, string message)
    {
        var result = StageSchemaEditor.Add(Schema, new FieldDefinition { Key = key, Label = "X", Type = FieldType.ShortText }, NoContent);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "Key" && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Same(Schema, result.Schema);
    }

    [Fact]
    public void Add_WithTheKeyOfARetiredFieldThatHasContent_IsRefused()
    {
        var result = StageSchemaEditor.Add(Schema, new FieldDefinition { Key = "evidencia", Label = "Evidencia", Type = FieldType.Number }, new HashSet<string> { "evidencia" });
        Assert.Contains(result.Errors, e => e.Message.Contains("campo retirado", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RefusesSenselessLimitsChoicesWithoutOptionsAndTablesWithoutColumns()
    {
        Assert.Contains(StageSchemaEditor.Validate(new FieldDefinition { Key = "a", Label = "A", Type = FieldType.ShortText, MinLength = 20, MaxLength = 10 }), e => e.Field == "MinLength");
        Assert.Contains(StageSchemaEditor.Validate(new FieldDefinition { Key = "a", Label = "A", Type = FieldType.Number, Min = 5, Max = 1 }), e => e.Field == "Min");
        Assert.Contains(StageSchemaEditor.Validate(new FieldDefinition { Key = "a", Label = "A", Type = FieldType.SingleChoice, Options = ["Sí"] }), e => e.Field == "Options");
        Assert.Contains(StageSchemaEditor.Validate(new FieldDefinition { Key = "a", Label = "A", Type = FieldType.MultipleChoice, Options = ["Sí", "sí"] }), e => e.Message.Contains("repetidas", StringComparison.Ordinal));
        Assert.Contains(StageSchemaEditor.Validate(new FieldDefinition { Key = "a", Label = "A", Type = FieldType.Table, Columns = [] }), e => e.Field == "Columns");
        Assert.Contains(StageSchemaEditor.Validate(new FieldDefinition
        {
            Key = "a",
            Label = "A",
            Type = FieldType.Table,
            Columns = [new FieldDefinition { Key = "x", Label = "X", Type = FieldType.Attachments }],
        }), e => e.Field == "Columns");
        Assert.Empty(StageSchemaEditor.Validate(new FieldDefinition
        {
            Key = "actores",
            Label = "Actores",
            Type = FieldType.Table,
            MinRows = 1,
            MaxRows = 20,
            Columns = [new FieldDefinition { Key = "nombre", Label = "Nombre", Type = FieldType.ShortText }],
        }));
    }

    [Fact]
    public void Update_KeepsTheKeyAndPosition_AndRefusesATypeChangeWhenContentIsStored()
    {
        var relabelled = StageSchemaEditor.Update(Schema, Schema.Fields[1] with { Label = "El problema" }, new HashSet<string> { "problema" });
        Assert.True(relabelled.Succeeded);
        Assert.Equal("El problema", relabelled.Schema.Fields[1].Label);

        var retyped = StageSchemaEditor.Update(Schema, Schema.Fields[1] with { Type = FieldType.Number }, new HashSet<string> { "problema" });
        Assert.Contains(retyped.Errors, e => e.Field == "Type");

        var retypedWithoutContent = StageSchemaEditor.Update(Schema, Schema.Fields[1] with { Type = FieldType.ShortText }, NoContent);
        Assert.True(retypedWithoutContent.Succeeded);
    }

    [Fact]
    public void RemoveAndMove_ChangeOnlyTheSchema()
    {
        Assert.Equal(["titulo", "area"], StageSchemaEditor.Remove(Schema, "problema").Fields.Select(f => f.Key));
        Assert.Equal(["problema", "titulo", "area"], StageSchemaEditor.Move(Schema, "problema", -1).Fields.Select(f => f.Key));
        Assert.Equal(["titulo", "area", "problema"], StageSchemaEditor.Move(Schema, "problema", 1).Fields.Select(f => f.Key));
        Assert.Same(Schema, StageSchemaEditor.Move(Schema, "titulo", -1));
    }

    [Fact]
    public void RemovedField_StaysInTheContentAsARetiredKey()
    {
        var content = DeliverableContent.Parse("{\"titulo\":\"Habilitaciones\",\"problema\":\"Demoras de 45 días\"}");
        var schema = StageSchemaEditor.Remove(Schema, "problema");
        Assert.Equal(["problema"], content.RetiredKeys(schema));
        Assert.Equal("Demoras de 45 días", content.Text("problema"));
    }
}
