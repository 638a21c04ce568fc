using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Notifications;

/// <summary>
/// Which deadline reminder a stage the team can still act on is due for, counted in Argentina
/// calendar days (a reminder "3 days before" a stage due on the 20th starts at 00:00 of the 17th in
/// Argentina, not at 21:00 of the 16th when the UTC date turns). A worker that was down catches up:
/// the reminder is due for the whole window, and its key makes it go out once.
/// </summary>
public static class ReminderSchedule
{
    public const int DaysBefore = 3;

    public static PortalEventKind? Due(DateTime dueAtUtc, DateTime nowUtc)
    {
        if (nowUtc > dueAtUtc)
        {
            return PortalEventKind.Overdue;
        }

        var today = ArgentinaTime.LocalDate(nowUtc);
        var dueDay = ArgentinaTime.LocalDate(dueAtUtc);
        if (today == dueDay)
        {
            return PortalEventKind.DeadlineToday;
        }

        return today >= dueDay.AddDays(-DaysBefore) ? PortalEventKind.DeadlineInThreeDays : null;
    }

    /// <summary>
    /// The exactly-once key of a reminder; it carries the due date, so a deadline the coordination
    /// moves reminds again for the new date.
    /// </summary>
    public static string Key(int projectStageId, PortalEventKind kind, DateTime dueAtUtc) =>
        $"recordatorio:{projectStageId}:{kind}:{dueAtUtc:yyyyMMddHHmm}";

    /// <summary>The exactly-once key of a person's digest of the days before <paramref name="localDate"/>.</summary>
    public static string DigestKey(string userId, DateOnly localDate) => $"resumen:{userId}:{localDate:yyyy-MM-dd}";
}
