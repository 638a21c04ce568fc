using System.Text;
using ProgramaInnovacion.Web.Features.Municipalities;

namespace ProgramaInnovacion.UnitTests.Municipalities;

public class MunicipalityCsvTests
{
    [Fact]
    public void Decode_ReadsUtf8WithAndWithoutBom_AndFallsBackToWindows1252()
    {
        Assert.Equal("Añatuya", MunicipalityCsv.Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Añatuya")]));
        Assert.Equal("Añatuya", MunicipalityCsv.Decode(Encoding.UTF8.GetBytes("Añatuya")));
        Assert.Equal("Añatuya", MunicipalityCsv.Decode(Encoding.Latin1.GetBytes("Añatuya")));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Equal("“Río” €", MunicipalityCsv.Decode(Encoding.GetEncoding(1252).GetBytes("“Río” €")));
    }

    [Fact]
    public void Parse_TakesTheSeparatorFromTheHeader_ColumnsInAnyOrder_QuotedSeparatorsKept()
    {
        var semicolon = MunicipalityCsv.Parse("Población;PROVINCIA;Nombre;Código INDEC\n\"1.234\";Buenos Aires;\"General Pueyrredón; Mar del Plata\";060357\n");
        Assert.Null(semicolon.Error);
        Assert.Equal(new MunicipalityCsvRow(2, "060357", "General Pueyrredón; Mar del Plata", "Buenos Aires", "1.234"), Assert.Single(semicolon.Rows));

        var comma = MunicipalityCsv.Parse("codigo,nombre,provincia,poblacion\r\n060357,\"Pueyrredón, General\",Buenos Aires,618989\r\n,,,\r\n");
        Assert.Equal(new MunicipalityCsvRow(2, "060357", "Pueyrredón, General", "Buenos Aires", "618989"), Assert.Single(comma.Rows));
    }

    [Theory]
    [InlineData("", "vacío")]
    [InlineData("municipio;habitantes\n", "faltan las columnas «código», «provincia»")]
    public void Parse_NamesWhatIsWrongWithTheFile(string text, string message)
    {
        var reading = text.Length == 0 ? MunicipalityCsv.Read([]) : MunicipalityCsv.Parse(text);
        Assert.Contains(message, reading.Error, StringComparison.Ordinal);
        Assert.Empty(reading.Rows);
    }
}
