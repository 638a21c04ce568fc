using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Stages;

/// <summary>The one rule for numbers people type and read (docs/adr/0007): the table of readings.</summary>
public class ArgentineNumberTests
{
    [Theory]
    [InlineData("1250", "1250")]
    [InlineData("1.250", "1250")]
    [InlineData("1.250.000", "1250000")]
    [InlineData("12.500", "12500")]
    [InlineData("4,5", "4.5")]
    [InlineData("1.250,5", "1250.5")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1234,5", "1234.5")]
    [InlineData("0,250", "0.25")]
    [InlineData("1,2500", "1.25")]
    [InlineData("4.5", "4.5")]
    [InlineData("3.5", "3.5")]
    [InlineData("1.25", "1.25")]
    [InlineData("0.250", "0.25")]
    [InlineData("3.1416", "3.1416")]
    [InlineData("1234.500", "1234.5")]
    [InlineData(" 12 ", "12")]
    [InlineData("-1.250", "-1250")]
    [InlineData("-4,5", "-4.5")]
    [InlineData("007", "7")]
    public void Read_TakesArgentineWritingFirst_AndPlainDigitsOrAPointDecimalWhereUnambiguous(string typed, string expected)
    {
        var reading = ArgentineNumber.Read(typed);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Value);
        Assert.False(reading.Ambiguous);
    }

    [Theory]
    [InlineData("1,250")]
    [InlineData("12,500")]
    [InlineData("999,999")]
    [InlineData("-1,250")]
    public void Read_CommaAndExactlyThreeDigits_IsAmbiguous_AndHasNoValue(string typed)
    {
        var reading = ArgentineNumber.Read(typed);
        Assert.Null(reading.Value);
        Assert.True(reading.Ambiguous);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mil")]
    [InlineData("1,250.5")]
    [InlineData("1,250,000")]
    [InlineData("1.2.3")]
    [InlineData("1 250")]
    [InlineData("1.250,")]
    [InlineData(",5")]
    [InlineData("+5")]
    [InlineData("12a")]
    [InlineData("1e3")]
    [InlineData("1234567890123456789012345678901234567890123")]
    public void Read_AnythingElse_IsNotANumber(string typed)
    {
        var reading = ArgentineNumber.Read(typed);
        Assert.Null(reading.Value);
        Assert.False(reading.Ambiguous);
    }

    [Theory]
    [InlineData("1250", "1.250")]
    [InlineData("1.25", "1,25")]
    [InlineData("1250.500", "1.250,5")]
    [InlineData("1250000.75", "1.250.000,75")]
    [InlineData("-1250", "-1.250")]
    [InlineData("0.125", "0,125")]
    [InlineData("0", "0")]
    public void Format_WritesEsAr_WithoutTrailingZeros(string value, string expected) =>
        Assert.Equal(expected, ArgentineNumber.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("1250")]
    [InlineData("1.125")]
    [InlineData("4.375")]
    [InlineData("1250000.75")]
    [InlineData("-12.125")]
    [InlineData("0.001")]
    public void FormatForInput_ReadsBackToTheSameValue(string value)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(number, ArgentineNumber.Read(ArgentineNumber.FormatForInput(number)).Value);
    }

    [Fact]
    public void Problem_ForAmbiguousText_ShowsBothReadingsAndHowToWriteEach() =>
        Assert.Equal(
            "«Participantes»: «1,250» se puede leer como 1.250 o como 1,25. Escribí 1.250 (o 1250) para el primero, o 1,25 para el segundo.",
            ArgentineNumber.Problem("Participantes", "1,250"));

    [Fact]
    public void Problem_ForAmbiguousText_WithThreeSignificantDecimals_SuggestsATrailingZero() =>
        Assert.Contains("o 4,3750 para el segundo", ArgentineNumber.Problem("Puntaje", "4,375"), StringComparison.Ordinal);

    [Fact]
    public void Problem_ForText_ThatIsNotANumber_GivesAnExample()
    {
        Assert.Equal("«Monto» debe ser un número, escrito con punto para los miles y coma para los decimales (por ejemplo 1.250 o 4,5).", ArgentineNumber.Problem("Monto", "mil"));
        Assert.Null(ArgentineNumber.Problem("Monto", "1.250"));
    }

    [Fact]
    public void Display_ShowsStoredNumbersInEsAr_AndKeptTextAsTyped()
    {
        var number = new FieldDefinition { Key = "n", Label = "N", Type = FieldType.Number };
        var text = new FieldDefinition { Key = "t", Label = "T", Type = FieldType.ShortText };
        Assert.Equal("1.250", DeliverableContent.DisplayText(number, JsonValue.Create(1250m)));
        Assert.Equal("1,25", DeliverableContent.DisplayText(number, JsonNode.Parse("1.250")));
        Assert.Equal("1.250", DeliverableContent.DisplayText(number, JsonValue.Create(1250)));
        Assert.Equal("1,250", DeliverableContent.DisplayText(number, JsonValue.Create("1,250")));
        Assert.Equal("1250", DeliverableContent.DisplayText(text, JsonValue.Create(1250m)));
        Assert.Equal("1,1250", DeliverableContent.InputText(number, JsonValue.Create(1.125m)));
    }
}
