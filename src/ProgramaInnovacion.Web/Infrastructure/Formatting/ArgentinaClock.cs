using System.Globalization;

namespace ProgramaInnovacion.Web.Infrastructure.Formatting;

/// <summary>
/// Converts stored UTC instants to Argentina time and formats them as a person in Argentina reads
/// them ("27 de julio de 2021, 11:00"). Time comes from TimeProvider so deadlines are testable.
/// </summary>
public class ArgentinaClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Argentina/Buenos_Aires");

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("es-AR");

    public System.DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public static System.DateTime ToLocal(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"27 de julio de 2021".</summary>
    public static string DateText(System.DateTime utc) => ToLocal(utc).ToString("d 'de' MMMM 'de' yyyy", Culture);

    /// <summary>"27 de julio de 2021, 11:00".</summary>
    public static string DateTimeText(System.DateTime utc) => ToLocal(utc).ToString("d 'de' MMMM 'de' yyyy, HH:mm", Culture);

    /// <summary>ISO value for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(System.DateTime utc) => System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>"vence en 3 días", "vence hoy", "vencida hace 2 días" against Argentina calendar days.</summary>
    public string DueText(System.DateTime dueUtc)
    {
        var days = (ToLocal(dueUtc).Date - ToLocal(UtcNow).Date).Days;
        var overdue = UtcNow > dueUtc;
        return (overdue, days) switch
        {
            (true, 0) => "vencida hoy",
            (true, _) => $"vencida hace {Days(-days)}",
            (false, 0) => "vence hoy",
            (false, 1) => "vence mañana",
            _ => $"vence en {Days(days)}",
        };
    }

    /// <summary>Whole days elapsed since an instant ("hace 3 días" in queues).</summary>
    public int DaysSince(System.DateTime utc) => Math.Max(0, (int)(UtcNow - utc).TotalDays);

    public static string Days(int n) => n == 1 ? "1 día" : $"{n.ToString("N0", Culture)} días";
}
