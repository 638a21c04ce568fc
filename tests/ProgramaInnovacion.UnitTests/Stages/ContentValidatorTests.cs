using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Stages;

public class ContentValidatorTests
{
    private static IReadOnlyList<FieldError> Check(FieldDefinition field, JsonNode? value)
    {
        var content = new JsonObject();
        if (value is not null)
        {
            content[field.Key] = value;
        }

        return ContentValidator.Validate(new StageSchema { Fields = [field] }, content);
    }

    private static string? Message(FieldDefinition field, JsonNode? value) => Check(field, value).SingleOrDefault()?.Message;

    private static FieldDefinition Field(FieldType type, bool required = false) => new() { Key = "campo", Label = "Campo", Type = type, Required = required };

    [Theory]
    [InlineData(FieldType.ShortText)]
    [InlineData(FieldType.LongText)]
    [InlineData(FieldType.Number)]
    [InlineData(FieldType.Date)]
    [InlineData(FieldType.Url)]
    [InlineData(FieldType.SingleChoice)]
    public void RequiredScalar_MissingOrBlank_IsAnErrorNamingTheField(FieldType type)
    {
        var field = Field(type, required: true) with { Options = ["A"] };
        Assert.Equal("Completá «Campo».", Message(field, null));
        Assert.Equal("Completá «Campo».", Message(field, JsonValue.Create("   ")));
        Assert.Null(Message(field with { Required = false }, null));
    }

    [Fact]
    public void Text_RespectsMinAndMaxLength_CountingAccentedLettersOnce()
    {
        var field = Field(FieldType.ShortText) with { MinLength = 3, MaxLength = 5 };
        Assert.Equal("«Campo» debe tener al menos 3 caracteres (tiene 2).", Message(field, JsonValue.Create("ab")));
        Assert.Null(Message(field, JsonValue.Create("abc")));
        Assert.Null(Message(field, JsonValue.Create("pe\u0301rez")));
        Assert.Equal("«Campo» admite como máximo 5 caracteres (tiene 6).", Message(field, JsonValue.Create("abcdef")));
        Assert.NotNull(Message(Field(FieldType.LongText) with { MaxLength = 2 }, JsonValue.Create("abc")));
    }

    [Fact]
    public void Number_MustParse_AndStayWithinItsRange()
    {
        var field = Field(FieldType.Number) with { Min = 1, Max = 5 };
        Assert.Equal("«Campo» debe ser un número, escrito con punto para los miles y coma para los decimales (por ejemplo 1.250 o 4,5).", Message(field, JsonValue.Create("mucho")));
        Assert.Equal("«Campo» debe estar entre 1 y 5.", Message(field, JsonValue.Create(0)));
        Assert.Equal("«Campo» debe estar entre 1 y 5.", Message(field, JsonValue.Create(5.5m)));
        Assert.Null(Message(field, JsonValue.Create(1)));
        Assert.Null(Message(field, JsonValue.Create(5)));
        Assert.Null(Message(field, JsonValue.Create("3.5")));
        Assert.Equal("«Campo» debe ser como mínimo 10.", Message(Field(FieldType.Number) with { Min = 10 }, JsonValue.Create(9)));
        Assert.Equal("«Campo» debe ser como máximo 100.000.", Message(Field(FieldType.Number) with { Max = 100000 }, JsonValue.Create(100001)));
    }

    [Theory]
    [InlineData("2021-07-27", true)]
    [InlineData("2021-02-29", false)]
    [InlineData("27/07/2021", false)]
    [InlineData("2021-7-27", false)]
    [InlineData("mañana", false)]
    public void Date_MustBeARealIsoDay(string value, bool valid) =>
        Assert.Equal(valid, Message(Field(FieldType.Date), JsonValue.Create(value)) is null);

    [Theory]
    [InlineData("https://tandil.gob.ar/tramites", true)]
    [InlineData("http://example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.org/x", false)]
    [InlineData("www.example.org", false)]
    [InlineData("https://", false)]
    public void Url_MustBeAnAbsoluteHttpAddress(string value, bool valid) =>
        Assert.Equal(valid, Message(Field(FieldType.Url), JsonValue.Create(value)) is null);

    [Fact]
    public void SingleChoice_MustBeOneOfTheOptions()
    {
        var field = Field(FieldType.SingleChoice) with { Options = ["Directo", "Indirecto"] };
        Assert.Null(Message(field, JsonValue.Create("Directo")));
        Assert.Equal("Elegí una de las opciones de «Campo».", Message(field, JsonValue.Create("Otro")));
    }

    [Fact]
    public void MultipleChoice_RequiresOne_AndOnlyKnownOptions()
    {
        var field = Field(FieldType.MultipleChoice, required: true) with { Options = ["A", "B"] };
        Assert.Equal("Elegí al menos una opción en «Campo».", Message(field, null));
        Assert.Equal("Elegí al menos una opción en «Campo».", Message(field, new JsonArray()));
        Assert.Null(Message(field, new JsonArray("A", "B")));
        Assert.Equal("«C» no es una opción de «Campo».", Message(field, new JsonArray("A", "C")));
        Assert.Equal("«Campo» debe ser una lista de opciones.", Message(field, JsonValue.Create("A")));
    }

    [Fact]
    public void Attachments_Required_NeedsAFile()
    {
        var field = Field(FieldType.Attachments, required: true);
        Assert.Equal("Subí al menos un archivo en «Campo».", Message(field, null));
        Assert.Null(Message(field, new JsonArray(3)));
        Assert.Null(Message(field with { Required = false }, null));
    }

    [Fact]
    public void ScalarField_HoldingAListOrObject_IsAnError() =>
        Assert.Equal("«Campo» tiene un valor que no corresponde a su tipo.", Message(Field(FieldType.ShortText), new JsonArray("a")));

    private static readonly FieldDefinition Table = new()
    {
        Key = "actores",
        Label = "Actores",
        Type = FieldType.Table,
        MinRows = 2,
        MaxRows = 3,
        Columns =
        [
            new FieldDefinition { Key = "nombre", Label = "Nombre", Type = FieldType.ShortText, Required = true },
            new FieldDefinition { Key = "influencia", Label = "Influencia", Type = FieldType.Number, Min = 1, Max = 5, Required = true },
        ],
    };

    private static JsonObject Actor(string name, int influence) => new() { ["nombre"] = name, ["influencia"] = influence };

    [Fact]
    public void Table_CountsRowsAgainstMinAndMax()
    {
        Assert.Equal("«Actores» necesita al menos 2 filas (tiene 0).", Message(Table, null));
        Assert.Equal("«Actores» necesita al menos 2 filas (tiene 1).", Message(Table, new JsonArray(Actor("A", 1))));
        Assert.Empty(Check(Table, new JsonArray(Actor("A", 1), Actor("B", 2))));
        Assert.Equal("«Actores» admite como máximo 3 filas (tiene 4).", Message(Table, new JsonArray(Actor("A", 1), Actor("B", 2), Actor("C", 3), Actor("D", 4))));
        Assert.Equal("«Actores» necesita al menos una fila.", Message(Table with { MinRows = null, Required = true }, null));
        Assert.Equal("«Actores» debe ser una tabla.", Message(Table, JsonValue.Create("x")));
    }

    [Fact]
    public void Table_ValidatesEachCell_AndPointsAtItsRowAndColumn()
    {
        var errors = Check(Table, new JsonArray(Actor("A", 1), new JsonObject { ["influencia"] = 9 }));
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(1, e.Row));
        Assert.Equal("Fila 2: Completá «Nombre».", errors[0].Message);
        Assert.Equal("f-actores-1-nombre", errors[0].ElementId);
        Assert.Equal("Fila 2: «Influencia» debe estar entre 1 y 5.", errors[1].Message);
        Assert.Equal("f-actores-1-influencia", errors[1].ElementId);
    }

    [Fact]
    public void EveryDefaultStage_WithEmptyContent_ReportsItsRequiredFields_AndFieldErrorsPointAtFieldIds()
    {
        foreach (var stage in DefaultStageTemplate.Stages.Where(s => s.HasTeamForm))
        {
            var errors = ContentValidator.Validate(stage.Schema, []);
            var required = stage.Schema.Fields.Where(f => f.Required || f.MinRows > 0).Select(f => f.Key).ToHashSet();
            Assert.Equal(required, errors.Select(e => e.FieldKey).ToHashSet());
            Assert.All(errors, e => Assert.Equal("f-" + e.FieldKey, e.ElementId));
        }
    }

    [Fact]
    public void Number_KeptAsTypedText_IsReadTheArgentineWay()
    {
        var field = Field(FieldType.Number) with { Max = 100000 };
        Assert.Null(Message(field, JsonValue.Create("1.250")));
        Assert.Null(Message(field, JsonValue.Create("4,5")));
        Assert.StartsWith("«Campo»: «1,250» se puede leer como 1.250 o como 1,25.", Message(field, JsonValue.Create("1,250")), StringComparison.Ordinal);
        Assert.Equal("«Campo» debe ser como máximo 100.000.", Message(field, JsonValue.Create("100.001")));
    }

    private static readonly StageSchema DraftSchema = new()
    {
        Fields =
        [
            new FieldDefinition { Key = "titulo", Label = "Título", Type = FieldType.ShortText, Required = true, MinLength = 5, MaxLength = 10 },
            new FieldDefinition { Key = "fecha", Label = "Fecha", Type = FieldType.Date, Required = true },
            new FieldDefinition { Key = "tipo", Label = "Tipo", Type = FieldType.SingleChoice, Options = ["A", "B"], Required = true },
            new FieldDefinition { Key = "participantes", Label = "Participantes", Type = FieldType.Number, Required = true },
            Table,
        ],
    };

    [Fact]
    public void ValidateDraft_SkipsCompleteness_ButReportsWhatCannotBeRead()
    {
        Assert.Empty(ContentValidator.ValidateDraft(DraftSchema, new JsonObject { ["titulo"] = "Hola" }));

        var errors = ContentValidator.ValidateDraft(DraftSchema, new JsonObject
        {
            ["titulo"] = "Un título demasiado largo",
            ["fecha"] = "2021-13-01",
            ["tipo"] = "Z",
            ["participantes"] = "1,250",
            ["actores"] = new JsonArray(new JsonObject { ["influencia"] = 9 }),
        });

        Assert.Equal(
            [
                "«Título» admite como máximo 10 caracteres (tiene 25).",
                "«Fecha» debe ser una fecha válida (día, mes y año).",
                "Elegí una de las opciones de «Tipo».",
                "«Participantes»: «1,250» se puede leer como 1.250 o como 1,25. Escribí 1.250 (o 1250) para el primero, o 1,25 para el segundo.",
                "Fila 1: «Influencia» debe estar entre 1 y 5.",
            ],
            errors.Select(e => e.Message));
    }
}
