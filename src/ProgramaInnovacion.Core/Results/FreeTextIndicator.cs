using System.Globalization;
using System.Text.RegularExpressions;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.Core.Results;

/// <summary>What a free-text baseline or target ("45 días", "30 % (2021)", "10 a diciembre de 2022") held.</summary>
public sealed record FreeTextValue(decimal? Number, string? Unit, DateOnly? Date)
{
    public bool IsNumber => Number is not null;
}

/// <summary>
/// Reads the free text that final projects held before indicators were typed. Only a reading with
/// exactly one number counts (the es-AR rule of ArgentineNumber: "1,250" stays unread, not guessed);
/// a date may come as dd/mm/aaaa, "diciembre de 2022", "dic. 2022" or a bare year (read as the
/// last day of that month or year). What does not read is left to the caller to keep as typed.
/// </summary>
public static partial class FreeTextIndicator
{
    private static readonly string[] Months =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    [GeneratedRegex(@"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic)[a-záéíóú]*\.?\s+(?:de\s+|del\s+)?((?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b((?:19|20)\d{2})\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"[-+]?\d[\d.,]*")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^(.*?)(?:\s+(?:a|al|en|para|hacia|desde|de)\s*$|[(\[,;:]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex UnitPart();

    public static FreeTextValue Parse(string? text)
    {
        var rest = (text ?? "").Trim();
        if (rest.Length == 0)
        {
            return new FreeTextValue(null, null, null);
        }

        var date = TakeDate(ref rest);
        var numbers = NumberToken().Matches(rest).Select(m => m.Value.TrimEnd('.', ',')).Where(v => v.Length > 0).ToList();
        if (numbers.Count != 1 || ArgentineNumber.Read(numbers[0]).Value is not { } number)
        {
            return new FreeTextValue(null, null, date);
        }

        var token = NumberToken().Match(rest);
        var after = rest[(token.Index + token.Length)..].Trim();
        var unit = UnitPart().Match(after).Groups[1].Value.Trim().TrimEnd('.', ')', '(').Trim();
        return new FreeTextValue(number, unit.Length == 0 ? null : unit, date);
    }

    private static DateOnly? TakeDate(ref string text)
    {
        if (DayMonthYear().Match(text) is { Success: true } dmy
            && DateOnly.TryParseExact($"{dmy.Groups[1].Value.PadLeft(2, '0')}/{dmy.Groups[2].Value.PadLeft(2, '0')}/{dmy.Groups[3].Value}", "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            text = Remove(text, dmy);
            return exact;
        }

        if (MonthYear().Match(text) is { Success: true } my)
        {
            var prefix = my.Groups[1].Value.ToLowerInvariant();
            var month = prefix == "set" ? 9 : Array.FindIndex(Months, m => m.StartsWith(prefix, StringComparison.Ordinal)) + 1;
            var year = int.Parse(my.Groups[2].Value, CultureInfo.InvariantCulture);
            text = Remove(text, my);
            return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        }

        // A bare year counts as a date only beside another number ("45 (2021)"); "2021" alone is a value.
        var years = Year().Matches(text);
        if (years.Count == 1 && NumberToken().Count(text) > 1)
        {
            var year = int.Parse(years[0].Value, CultureInfo.InvariantCulture);
            text = Remove(text, years[0]);
            return new DateOnly(year, 12, 31);
        }

        return null;
    }

    private static string Remove(string text, Match match) =>
        (text[..match.Index] + text[(match.Index + match.Length)..]).Replace("()", "", StringComparison.Ordinal).Trim();
}
