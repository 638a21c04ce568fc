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
    [InlineData("12", 12)]
    [InlineData("3.5", 3.5)]
    [InlineData("3,5", 3.5)]
    [InlineData("1.234,56", 1234.56)]
    public void ParseNumber_AcceptsInvariantAndArgentineWriting(string text, double expected) =>
        Assert.Equal((decimal)expected, FormContentReader.ParseNumber(text));

    [Fact]
    public void ANumberThatDoesNotParse_IsKeptAsTyped_SoTheValidatorCanPointAtIt()
    {
        var content = FormContentReader.Read(Schema, Form(("f.monto", "unos mil")));
        Assert.Equal("unos mil", content["monto"]!.GetValue<string>());
        Assert.Equal("«Monto» debe ser un número.", ContentValidator.ValidateValue(Schema.Find("monto")!, content["monto"]));
    }

    [Fact]
    public void MultipleChoice_ReadsEveryCheckedOption_Once()
    {
        var content = FormContentReader.Read(Schema, Form(("f.areas", "Salud"), ("f.areas", "Obras"), ("f.areas", "Salud")));
        Assert.Equal(["Salud", "Obras"], content["areas"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Table_ReadsRowsUpToTheCount_DropsEmptyAndRemovedRows()
    {
        var form = Form(
            ("f.actores.filas", "4"),
            ("f.actores.0.nombre", "Intendencia"), ("f.actores.0.influencia", "5"),
            ("f.actores.1.nombre", ""),
            ("f.actores.2.nombre", "Vecinos"), ("f.actores.2.quitar", "1"),
            ("f.actores.3.nombre", "Cámara de comercio"),
            ("f.actores.4.nombre", "Fuera de la cuenta"));

        var rows = FormContentReader.Read(Schema, form)["actores"]!.AsArray();

        Assert.Equal(["Intendencia", "Cámara de comercio"], rows.Select(r => r!["nombre"]!.GetValue<string>()));
        Assert.Equal(5m, rows[0]!["influencia"]!.GetValue<decimal>());
        Assert.Equal(3, FormContentReader.Read(Schema, form, keepEmptyRows: true)["actores"]!.AsArray().Count);
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
