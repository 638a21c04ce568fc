using System.Globalization;
using System.Text.RegularExpressions;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>How a typed number was read: its value, or why it could not be read.</summary>
/// <param name="Value">The number, when the text has exactly one reading.</param>
/// <param name="Ambiguous">True when the text could be a thousands group or a decimal ("1,250").</param>
public sealed record NumberReading(decimal? Value, bool Ambiguous = false)
{
    public bool IsNumber => Value is not null;
}

/// <summary>
/// Numbers as people in Argentina type and read them — the one rule for reading number fields
/// and for showing numbers of deliverables (form, read-only view, comparison, exports).
/// Stored content keeps numbers as JSON numbers (machine form); only people see es-AR text.
/// <para>Reading rule (docs/adr/0007-es-ar-numbers-and-draft-limits.md):</para>
/// <list type="bullet">
/// <item>es-AR first: "." groups thousands, "," is the decimal mark: "1.250" = 1250, "4,5" = 4.5,
/// "1.250.000,75" = 1250000.75.</item>
/// <item>Plain digits are accepted: "1250".</item>
/// <item>A single "." that cannot be a thousands group is a decimal point: "4.5", "1.25",
/// "0.250" (a group of thousands never follows a leading 0) and "3.1416".</item>
/// <item>"1,250" (one to three digits, a comma, exactly three digits) is ambiguous: es-AR reads
/// 1,25, a spreadsheet in English means 1250. It is refused with a message that shows both
/// readings; "1250", "1.250" or "1,2500" say which one is meant.</item>
/// <item>Anything else ("1,250.5", "1 250", "12a") is not a number.</item>
/// </list>
/// </summary>
public static partial class ArgentineNumber
{
    /// <summary>Longer texts are not numbers anyone typed (a decimal holds 28–29 digits).</summary>
    public const int MaxInputLength = 40;

    private static readonly NumberFormatInfo EsAr = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    private const string DisplayFormat = "#,##0.############################";

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^[1-9]\d{0,2}(\.\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex PointDecimal();

    [GeneratedRegex(@"^[1-9]\d{0,2},\d{3}$")]
    private static partial Regex ThousandsOrDecimal();

    public static NumberReading Read(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length is 0 or > MaxInputLength)
        {
            return new NumberReading(null);
        }

        var negative = trimmed[0] == '-';
        var body = negative ? trimmed[1..] : trimmed;
        if (ThousandsOrDecimal().IsMatch(body))
        {
            return new NumberReading(null, Ambiguous: true);
        }

        string? invariant = null;
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var integer = body[..comma];
            var fraction = body[(comma + 1)..];
            if ((Plain().IsMatch(integer) || Grouped().IsMatch(integer)) && Plain().IsMatch(fraction))
            {
                invariant = integer.Replace(".", "", StringComparison.Ordinal) + "." + fraction;
            }
        }
        else if (Plain().IsMatch(body))
        {
            invariant = body;
        }
        else if (Grouped().IsMatch(body))
        {
            invariant = body.Replace(".", "", StringComparison.Ordinal);
        }
        else if (PointDecimal().IsMatch(body))
        {
            invariant = body;
        }

        if (invariant is null || !decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new NumberReading(null);
        }

        return new NumberReading(Normalize(negative ? -value : value));
    }

    /// <summary>Without trailing zeros, so 1250 and 1250,0 are the same stored value.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>A number as a person in Argentina reads it: "1.250", "4,5", "-1.250.000,75".</summary>
    public static string Format(decimal value) => Normalize(value).ToString(DisplayFormat, EsAr);

    /// <summary>
    /// The text a form shows in a number input: Format, except that a value like 1,125 gets a
    /// trailing zero ("1,1250") so that saving the form again reads it back unchanged instead of
    /// asking whether it is 1125.
    /// </summary>
    public static string FormatForInput(decimal value)
    {
        var text = Format(value);
        var body = text.StartsWith('-') ? text[1..] : text;
        return ThousandsOrDecimal().IsMatch(body) ? text + "0" : text;
    }

    /// <summary>
    /// The Spanish message for a text that is not a number, or null when it reads as one.
    /// </summary>
    public static string? Problem(string label, string text)
    {
        var reading = Read(text);
        if (reading.IsNumber)
        {
            return null;
        }

        var shown = text.Trim();
        if (reading.Ambiguous)
        {
            var negative = shown.StartsWith('-');
            var digits = (negative ? shown[1..] : shown).Replace(",", "", StringComparison.Ordinal);
            var thousands = decimal.Parse(digits, CultureInfo.InvariantCulture) * (negative ? -1 : 1);
            var asDecimal = thousands / 1000m;
            return $"«{label}»: «{shown}» se puede leer como {Format(thousands)} o como {Format(asDecimal)}. "
                + $"Escribí {Format(thousands)} (o {Format(thousands).Replace(".", "", StringComparison.Ordinal)}) para el primero, o {FormatForInput(asDecimal)} para el segundo.";
        }

        return $"«{label}» debe ser un número, escrito con punto para los miles y coma para los decimales (por ejemplo 1.250 o 4,5).";
    }
}
