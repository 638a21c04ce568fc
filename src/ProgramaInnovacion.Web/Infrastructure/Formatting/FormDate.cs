using System.Globalization;
using System.Text.RegularExpressions;

namespace ProgramaInnovacion.Web.Infrastructure.Formatting;

/// <summary>
/// A date typed in a form, read as text so a bad one comes back to the person as typed with a
/// Spanish message (bound to DateOnly, "30/02/2026" would turn into an empty field and an English
/// error). Reads what a date input sends (aaaa-mm-dd) and what people type where there is none (dd/mm/aaaa).
/// </summary>
public static partial class FormDate
{
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})$")]
    private static partial Regex DayMonthYear();

    /// <summary>The date, or the Spanish message for the field named <paramref name="label"/>; no later than <paramref name="latest"/> when given.</summary>
    public static (DateOnly? Date, string? Problem) Read(string label, string? text, DateOnly? latest = null)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            return (null, $"Indicá {label}.");
        }

        int year, month, day;
        if (Iso().Match(typed) is { Success: true } iso)
        {
            (year, month, day) = (Number(iso.Groups[1]), Number(iso.Groups[2]), Number(iso.Groups[3]));
        }
        else if (DayMonthYear().Match(typed) is { Success: true } dmy)
        {
            (year, month, day) = (Number(dmy.Groups[3]), Number(dmy.Groups[2]), Number(dmy.Groups[1]));
        }
        else
        {
            return (null, $"«{typed}» no es una fecha: escribila como dd/mm/aaaa (por ejemplo 31/03/2026).");
        }

        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"La fecha «{typed}» no existe: revisá el día y el mes.");
        }

        var date = new DateOnly(year, month, day);
        return latest is { } last && date > last
            ? (null, $"{char.ToUpperInvariant(label[0])}{label[1..]} no puede ser posterior a hoy ({last.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).")
            : (date, null);
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
}
