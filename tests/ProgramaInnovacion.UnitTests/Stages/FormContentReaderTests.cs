using System.Text.Json;
using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Stages;

public class FormContentReaderTests
{
    private static readonly StageSchema Schema = new()
    {
        Fields =
        [
            new FieldDefinition { Key = "titulo", Label = "Título", Type = FieldType.ShortText },
            new FieldDefinition { Key = "problema", Label = "Problema", Type = FieldType.LongText },
            new FieldDefinition { Key = "monto", Label = "Monto", Type = FieldType.Number },
            new FieldDefinition { Key = "areas", Label = "Áreas", Type = FieldType.MultipleChoice, Options = ["Salud", "Obras"] },
            new FieldDefinition { Key = "adjuntos", Label = "Adjuntos", Type = FieldType.Attachments },
            new FieldDefinition
            {
                Key = "actores",
                Label = "Actores",
                Type = FieldType.Table,
                Columns = [new FieldDefinition { Key = "nombre", Label = "Nombre", Type = FieldType.ShortText }, new FieldDefinition { Key = "influencia", Label = "Influencia", Type = FieldType.Number }],
            },
        ],
    };

    private static Dictionary<string, IReadOnlyList<string>> Form(params (string Name, string Value)[] values) =>
        values.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(v => v.Value).ToList());

    [Fact]
    public void Scalars_AreTrimmed_NumbersStoredAsNumbers_AndEmptyFieldsLeftOut()
    {
        var content = FormContentReader.Read(Schema, Form(("f.titulo", "  Turnos en línea "), ("f.problema", "Línea 1\r\nLínea 2"), ("f.monto", "1.234,5")));
        Assert.Equal("Turnos en línea", content["titulo"]!.GetValue<string>());
        Assert.Equal("Línea 1\nLínea 2", content["problema"]!.GetValue<string>());
        Assert.Equal(1234.5m, content["monto"]!.GetValue<decimal>());
        Assert.False(content.ContainsKey("areas"));
        Assert.Equal(3, content.Count);
    }

    [Theory]
    [InlineData("1.250", 1250)]
    [InlineData("4,5", 4.5)]
    [InlineData("1250", 1250)]
    [InlineData("1.250,5", 1250.5)]
    public void Numbers_AreReadTheArgentineWay_AndStoredAsNumbers(string typed, double expected)
    {
        var content = FormContentReader.Read(Schema, Form(("f.monto", typed)));
        Assert.Equal((decimal)expected, content["monto"]!.GetValue<decimal>());
        Assert.Equal(JsonValueKind.Number, content["monto"]!.GetValueKind());
    }

    [Fact]
    public void AnAmbiguousNumber_IsKeptAsTyped_AndTheValidatorSaysWhy()
    {
        var content = FormContentReader.Read(Schema, Form(("f.monto", "1,250")));
        Assert.Equal("1,250", content["monto"]!.GetValue<string>());
        Assert.StartsWith("«Monto»: «1,250» se puede leer como 1.250 o como 1,25.", ContentValidator.ValidateValue(Schema.Find("monto")!, content["monto"]), StringComparison.Ordinal);
    }

    [Fact]
    public void TableNumberCells_AreReadTheArgentineWayToo()
    {
        var rows = FormContentReader.Read(Schema, Form(("f.actores.filas", "1"), ("f.actores.0.nombre", "Vecinos"), ("f.actores.0.influencia", "1.250")))["actores"]!.AsArray();
        Assert.Equal(1250m, rows[0]!["influencia"]!.GetValue<decimal>());
    }

    [Fact]
    public void ANumberThatDoesNotParse_IsKeptAsTyped_SoTheValidatorCanPointAtIt()
    {
        var content = FormContentReader.Read(Schema, Form(("f.monto", "unos mil")));
        Assert.Equal("unos mil", content["monto"]!.GetValue<string>());
        Assert.Equal("«Monto» debe ser un número, escrito con punto para los miles y coma para los decimales (por ejemplo 1.250 o 4,5).", ContentValidator.ValidateValue(Schema.Find("monto")!, content["monto"]));
    }

    [Fact]
    public void MultipleChoice_ReadsEveryCheckedOption_Once()
    {
        var content = FormContentReader.Read(Schema, Form(("f.areas", "Salud"), ("f.areas", "Obras"), ("f.areas", "Salud")));
        Assert.Equal(["Salud", "Obras"], content["areas"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Table_ReadsEveryRowThatArrived_DropsEmptyAndRemovedRows()
    {
        var form = Form(
            ("f.actores.filas", "4"),
            ("f.actores.0.nombre", "Intendencia"), ("f.actores.0.influencia", "5"),
            ("f.actores.1.nombre", ""),
            ("f.actores.2.nombre", "Vecinos"), ("f.actores.2.quitar", "1"),
            ("f.actores.3.nombre", "Cámara de comercio"),
            ("f.actores.4.nombre", "Más allá de la cuenta"));

        var rows = FormContentReader.Read(Schema, form)["actores"]!.AsArray();

        // A row past the declared count still arrived: reading it keeps what was typed.
        Assert.Equal(["Intendencia", "Cámara de comercio", "Más allá de la cuenta"], rows.Select(r => r!["nombre"]!.GetValue<string>()));
        Assert.Equal(5m, rows[0]!["influencia"]!.GetValue<decimal>());
        Assert.Equal(4, FormContentReader.Read(Schema, form, keepEmptyRows: true)["actores"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("")]
    public void Table_WithAnUnreadableRowCount_KeepsTheRowsThatArrived_AndSaysSo(string count)
    {
        var reading = FormContentReader.ReadForm(Schema, Form(
            ("f.actores.filas", count),
            ("f.actores.0.nombre", "Intendencia"), ("f.actores.1.nombre", "Vecinos"), ("f.actores.2.nombre", "Concejo")));

        Assert.Equal(["Intendencia", "Vecinos", "Concejo"], reading.Content["actores"]!.AsArray().Select(r => r!["nombre"]!.GetValue<string>()));
        var problem = Assert.Single(reading.Problems);
        Assert.Equal("actores", problem.FieldKey);
        Assert.StartsWith($"No se pudo leer cuántas filas tiene «Actores» («{count}»)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_WithARowCountTooSmall_KeepsEveryRowThatArrived_WithoutComplaint()
    {
        var reading = FormContentReader.ReadForm(Schema, Form(("f.actores.filas", "0"), ("f.actores.0.nombre", "Intendencia"), ("f.actores.1.nombre", "Vecinos")));
        Assert.Equal(2, reading.Content["actores"]!.AsArray().Count);
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void AValueOverItsLimit_IsCutToTheLimit_AndReportedOnItsField()
    {
        var schema = new StageSchema
        {
            Fields =
            [
                new FieldDefinition { Key = "pregunta", Label = "Pregunta", Type = FieldType.ShortText, MaxLength = 300 },
                new FieldDefinition { Key = "libre", Label = "Libre", Type = FieldType.LongText },
                new FieldDefinition
                {
                    Key = "supuestos",
                    Label = "Supuestos",
                    Type = FieldType.Table,
                    Columns = [new FieldDefinition { Key = "enunciado", Label = "Supuesto", Type = FieldType.ShortText, MaxLength = 10 }],
                },
            ],
        };
        var reading = FormContentReader.ReadForm(schema, Form(
            ("f.pregunta", new string('x', 1_048_576)),
            ("f.libre", new string('y', ContentLimits.LongTextLength + 1)),
            ("f.supuestos.filas", "2"), ("f.supuestos.0.enunciado", "corto"), ("f.supuestos.1.enunciado", "demasiado largo")));

        Assert.Equal(300, reading.Content["pregunta"]!.GetValue<string>().Length);
        Assert.Equal(ContentLimits.LongTextLength, reading.Content["libre"]!.GetValue<string>().Length);
        Assert.Equal("demasiado ", reading.Content["supuestos"]![1]!["enunciado"]!.GetValue<string>());
        Assert.Equal(
            ["f-pregunta", "f-libre", "f-supuestos-1-enunciado"],
            reading.Problems.Select(p => p.ElementId));
        Assert.Equal("«Pregunta» admite como máximo 300 caracteres y llegaron 1.048.576: se conservaron los primeros 300. Revisá el final del texto.", reading.Problems[0].Message);
        Assert.StartsWith("Fila 2: «Supuesto» admite como máximo 10 caracteres", reading.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachments_KeepsListedIds_ExceptTheOnesMarkedForRemoval()
    {
        var content = FormContentReader.Read(Schema, Form(("f.adjuntos", "7"), ("f.adjuntos", "9"), ("f.adjuntos", "x"), ("f.adjuntos.quitar", "9")));
        Assert.Equal([7], content["adjuntos"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public void KeepRetired_CopiesStoredKeysTheSchemaNoLongerHas()
    {
        var target = new JsonObject { ["titulo"] = "Nuevo" };
        FormContentReader.KeepRetired(target, new JsonObject { ["titulo"] = "Viejo", ["presupuesto_viejo"] = "100" }, Schema);
        Assert.Equal("Nuevo", target["titulo"]!.GetValue<string>());
        Assert.Equal("100", target["presupuesto_viejo"]!.GetValue<string>());
    }
}
