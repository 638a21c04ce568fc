using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Results;

namespace ProgramaInnovacion.UnitTests.Results;

public class FreeTextIndicatorTests
{
    [Theory]
    [InlineData("45", 45, null, null)]
    [InlineData("45 días", 45, "días", null)]
    [InlineData("1.250 trámites por mes", 1250, "trámites por mes", null)]
    [InlineData("4,5", 4.5, null, null)]
    [InlineData("30 % (2021)", 30, "%", "2021-12-31")]
    [InlineData("10 días a diciembre de 2022", 10, "días", "2022-12-31")]
    [InlineData("80% en dic. 2023", 80, "%", "2023-12-31")]
    [InlineData("12 reclamos al 30/06/2022", 12, "reclamos", "2022-06-30")]
    [InlineData("2021", 2021, null, null)]
    public void Parse_ReadsOneNumber_ItsUnitAndItsDate(string text, double number, string? unit, string? date)
    {
        var reading = FreeTextIndicator.Parse(text);
        Assert.Equal((decimal)number, reading.Number);
        Assert.Equal(unit, reading.Unit);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), reading.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sin datos")]
    [InlineData("entre 40 y 50 días")] // two numbers: not guessed
    [InlineData("1,250")] // ambiguous in es-AR: not guessed
    [InlineData("reducir a la mitad")]
    public void Parse_LeavesUnreadableTextWithoutANumber(string text) => Assert.Null(FreeTextIndicator.Parse(text).Number);

    [Fact]
    public void Upgrade_TurnsTheOldFreeTextTableIntoIndicators_ReadingWhatParses_AndKeepingTheRestAsTyped()
    {
        var old = new StageSchema
        {
            Fields =
            [
                new FieldDefinition
                {
                    Key = "indicadores", Label = "Indicadores de resultado", Type = FieldType.Table, MinRows = 1,
                    Columns =
                    [
                        new() { Key = "indicador", Label = "Indicador" }, new() { Key = "linea_base", Label = "Línea de base" },
                        new() { Key = "meta", Label = "Meta" }, new() { Key = "unidad", Label = "Unidad" }, new() { Key = "verificacion", Label = "Medio" },
                    ],
                },
            ],
        };
        var schema = IndicatorUpgrade.UpgradeSchema(old);
        Assert.NotNull(schema);
        Assert.Equal(FieldType.Indicators, schema.Fields[0].Type);
        Assert.Null(IndicatorUpgrade.UpgradeSchema(schema));

        var content = (JsonObject)JsonNode.Parse("""
            {"indicadores":[
              {"indicador":"Días de demora","linea_base":"45 días (2021)","meta":"10 días a diciembre de 2022"},
              {"indicador":"Satisfacción","linea_base":"muy baja","meta":"80 %","unidad":"%"}
            ]}
            """)!;
        Assert.True(IndicatorUpgrade.UpgradeContent(schema, content));
        var first = content["indicadores"]![0]!;
        Assert.Equal(45m, first["linea_base"]!.GetValue<decimal>());
        Assert.Equal(10m, first["meta"]!.GetValue<decimal>());
        Assert.Equal("días", first["unidad"]!.GetValue<string>());
        Assert.Equal("2021-12-31", first["fecha_base"]!.GetValue<string>());
        Assert.Equal("2022-12-31", first["fecha_meta"]!.GetValue<string>());
        Assert.Equal(IndicatorField.Down, first["sentido"]!.GetValue<string>());
        var second = content["indicadores"]![1]!;
        Assert.Equal("muy baja", second["linea_base"]!.GetValue<string>());
        Assert.Equal(80m, second["meta"]!.GetValue<decimal>());
        Assert.Null(second["sentido"]);

        // What a person reads of the unreadable baseline is what the team typed.
        Assert.Equal("muy baja", new DeliverableContent(content).DisplayRows(schema.Fields[0])[1]["linea_base"]);
        Assert.False(IndicatorUpgrade.UpgradeContent(schema, content));
    }

    [Fact]
    public void Validator_OnSubmission_AsksForATargetInTheChosenDirection()
    {
        var field = IndicatorField.Definition("indicadores", "Indicadores");
        var schema = new StageSchema { Fields = [field] };
        var content = (JsonObject)JsonNode.Parse("""
            {"indicadores":[{"indicador":"Demora","unidad":"días","linea_base":45,"fecha_base":"2021-12-01","meta":60,"fecha_meta":"2022-12-01","verificacion":"Sistema","sentido":"Disminuir"}]}
            """)!;
        var errors = ContentValidator.Validate(schema, content);
        var error = Assert.Single(errors);
        Assert.Equal("Fila 1: con sentido «Disminuir», la meta tiene que ser menor que la línea de base.", error.Message);
        Assert.Empty(ContentValidator.ValidateDraft(schema, content));
    }

    [Fact]
    public void Schema_ReadFromJson_GivesAnIndicatorFieldItsTypedColumns()
    {
        var schema = StageSchema.FromJson("""{"fields":[{"key":"indicadores","label":"Indicadores","type":"indicators"}]}""");
        Assert.Equal(IndicatorField.Columns.Select(c => c.Key), schema.Fields[0].Columns!.Select(c => c.Key));
    }
}
