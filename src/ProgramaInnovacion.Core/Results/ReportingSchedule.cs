namespace ProgramaInnovacion.Core.Results;

/// <summary>One reporting period of a project's follow-up, both days included (Argentina calendar days).</summary>
public sealed record ReportingPeriod(DateOnly Start, DateOnly End);

/// <summary>
/// When a team is reminded to report its indicators after the panel. The periods run from the day
/// the panel closed, <c>periodMonths</c> long each (quarterly by default, Notifications:FollowUpPeriodMonths).
/// A period's reminder is due in its last <see cref="DaysBefore"/> days and until
/// <see cref="DaysAfter"/> days after it, so a worker that was down still sends it and the key
/// (<see cref="Key"/>) makes it go once. The follow-up ends with the latest target date of the
/// project's indicators (a year after the panel when none has a date): no period that starts after
/// that day is reminded.
/// </summary>
public static class ReportingSchedule
{
    public const int DaysBefore = 7;

    public const int DaysAfter = 30;

    /// <summary>How long the follow-up lasts when no indicator has a target date.</summary>
    public const int MonthsWithoutTargetDate = 12;

    public static DateOnly FollowUpEnds(DateOnly panelClosedOn, IEnumerable<DateOnly?> targetDates) =>
        targetDates.Max() ?? panelClosedOn.AddMonths(MonthsWithoutTargetDate);

    /// <summary>The period whose reminder is due on <paramref name="today"/>, if any (the latest one when windows overlap).</summary>
    public static ReportingPeriod? Due(DateOnly panelClosedOn, DateOnly followUpEndsOn, DateOnly today, int periodMonths)
    {
        if (periodMonths < 1)
        {
            return null;
        }

        ReportingPeriod? due = null;
        for (var k = 1; ; k++)
        {
            var start = panelClosedOn.AddMonths((k - 1) * periodMonths);
            var end = panelClosedOn.AddMonths(k * periodMonths).AddDays(-1);
            if (start > followUpEndsOn || end.AddDays(1 - DaysBefore) > today)
            {
                return due;
            }

            due = today <= end.AddDays(DaysAfter) ? new ReportingPeriod(start, end) : null;
        }
    }

    /// <summary>A period counts as reported when every indicator has a value measured on or after its first day.</summary>
    public static bool IsReported(ReportingPeriod period, IEnumerable<DateOnly?> latestMeasurementOfEachIndicator) =>
        latestMeasurementOfEachIndicator.All(latest => latest is { } on && on >= period.Start);

    /// <summary>The exactly-once key of a period's reminder to a project's team.</summary>
    public static string Key(int projectId, DateOnly periodEnd) => $"seguimiento:{projectId}:{periodEnd:yyyy-MM-dd}";
}
