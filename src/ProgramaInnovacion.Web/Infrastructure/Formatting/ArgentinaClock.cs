using System.Globalization;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Infrastructure.Formatting;

/// <summary>
/// Converts stored UTC instants to Argentina time and formats them as a person in Argentina reads
/// them ("27 de julio de 2021, 11:00"). Time comes from TimeProvider so deadlines are testable.
/// The conversions themselves are Core's <see cref="ArgentinaTime"/> (seeders need them too); the
/// static members here only give the web layer one name for them.
/// </summary>
public class ArgentinaClock(TimeProvider time)
{
    public static TimeZoneInfo Zone => ArgentinaTime.Zone;

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("es-AR");

    public System.DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public static System.DateTime ToLocal(System.DateTime utc) => ArgentinaTime.ToLocal(utc);

    /// <inheritdoc cref="ArgentinaTime.ToUtc(System.DateTime)"/>
    public static System.DateTime ToUtc(System.DateTime local) => ArgentinaTime.ToUtc(local);

    /// <inheritdoc cref="ArgentinaTime.ToUtc(DateOnly, TimeOnly)"/>
    public static System.DateTime ToUtc(DateOnly date, TimeOnly localTime = default) => ArgentinaTime.ToUtc(date, localTime);

    /// <inheritdoc cref="ArgentinaTime.EndOfLocalDay(DateOnly)"/>
    public static System.DateTime EndOfLocalDay(DateOnly date) => ArgentinaTime.EndOfLocalDay(date);

    /// <inheritdoc cref="ArgentinaTime.LocalDate(System.DateTime)"/>
    public static DateOnly LocalDate(System.DateTime utc) => ArgentinaTime.LocalDate(utc);

    /// <summary>"27 de julio de 2021".</summary>
    public static string DateText(System.DateTime utc) => ToLocal(utc).ToString("d 'de' MMMM 'de' yyyy", Culture);

    /// <summary>"27 de julio de 2021, 11:00".</summary>
    /// <summary>A calendar date ("31 de marzo de 2022"); "—" when there is none.</summary>
    public static string DateText(System.DateOnly? date) => date?.ToString("d 'de' MMMM 'de' yyyy", Culture) ?? "—";

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

    /// <summary>"con 3 días de atraso" for a late submission (StageDeadline decides what is late); null when on time.</summary>
    public static string? LateText(System.DateTime? dueUtc, System.DateTime? submittedUtc) =>
        StageDeadline.DaysLate(dueUtc, submittedUtc) is > 0 and var late ? $"con {Days(late)} de atraso" : null;

    /// <summary>"entregada con 3 días de atraso", "entregada a tiempo", or "entregada" when there is no due date.</summary>
    public static string SubmittedText(System.DateTime? dueUtc, System.DateTime? submittedUtc) =>
        LateText(dueUtc, submittedUtc) is { } late ? $"entregada {late}" : dueUtc is null ? "entregada" : "entregada a tiempo";

    /// <summary>How long something has waited ("espera …"): "desde hoy", "hace 1 día", "hace 3 días".</summary>
    public static string WaitText(int days) => days <= 0 ? "desde hoy" : $"hace {Days(days)}";

    /// <summary>Whole days elapsed since an instant ("hace 3 días" in queues).</summary>
    public int DaysSince(System.DateTime utc) => Math.Max(0, (int)(UtcNow - utc).TotalDays);

    public static string Days(int n) => n == 1 ? "1 día" : $"{n.ToString("N0", Culture)} días";
}
