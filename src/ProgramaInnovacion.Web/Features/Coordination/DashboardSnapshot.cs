using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>
/// Everything the dashboard derives from an edition's stages and events — the matrix, the counts,
/// the short lists, the activity and the chart — built once and reused while nothing it depends on
/// changed (issue 14): the stamp read from the database (<see cref="DashboardQueries"/>) and the
/// instant the clock alone would change something (<see cref="ValidUntilUtc"/>).
/// </summary>
/// <param name="Serial">Tells one snapshot from the next: the key of its rendered fragments (the view's cache tag).</param>
public sealed record DashboardSnapshot(object Stamp, DateTime ValidUntilUtc, long Serial, ProgressMatrix Matrix, IReadOnlyList<ActivityItem> Activity,
    ProgressChart Chart, IReadOnlyList<string> Provinces);

/// <summary>
/// The earliest instant after <see cref="Now"/> at which the clock alone changes what a dashboard
/// shows: a day count ticks over, a stage becomes overdue or due this week, a local day or a chart
/// week begins. A snapshot is valid before it.
/// </summary>
public sealed class DashboardExpiry(DateTime nowUtc)
{
    public DateTime Now { get; } = nowUtc;

    public DateTime Until { get; private set; } = ArgentinaTime.ToUtc(ArgentinaTime.LocalDate(nowUtc).AddDays(1));

    /// <summary>Something changes at <paramref name="instantUtc"/> (ignored when already past).</summary>
    public void At(DateTime instantUtc)
    {
        if (instantUtc > Now && instantUtc < Until)
        {
            Until = instantUtc;
        }
    }

    /// <summary>Whole days since an instant, as <see cref="Infrastructure.Formatting.ArgentinaClock.DaysSince"/> counts them, noting when the count next changes.</summary>
    public int DaysSince(DateTime utc)
    {
        var days = Math.Max(0, (int)(Now - utc).TotalDays);
        At(utc.AddDays(days + 1));
        return days;
    }

    /// <summary>Whether a stage is overdue or due this week now (<see cref="StageDeadline"/>), noting when either answer next changes.</summary>
    public (bool Overdue, bool DueSoon) Deadline(StageState state, bool hasTeamForm, DateTime? dueAtUtc, bool tracksDeadlines)
    {
        if (dueAtUtc is { } due)
        {
            At(due.AddTicks(1));
            At(due - StageDeadline.DueSoonWindow);
        }

        var overdue = tracksDeadlines && StageDeadline.IsOverdue(state, hasTeamForm, dueAtUtc, Now);
        return (overdue, !overdue && StageDeadline.IsDueSoon(state, hasTeamForm, dueAtUtc, Now));
    }

    /// <summary>The chart adds a week at each week of the edition and stops at its end.</summary>
    public void ChartWeeks(DateTime startsAtUtc, DateTime? endsAtUtc)
    {
        if (Now >= startsAtUtc)
        {
            At(startsAtUtc.AddDays(7 * (((int)((Now - startsAtUtc).TotalDays / 7)) + 1)));
        }
        else
        {
            At(startsAtUtc);
        }

        if (endsAtUtc is { } end)
        {
            At(end);
        }
    }
}
