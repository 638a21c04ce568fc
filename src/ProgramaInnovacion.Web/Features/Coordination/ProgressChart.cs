using System.Globalization;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>
/// Stages approved per week and their running total, laid out as an SVG drawn on the server
/// (no script, no CDN; CSP-friendly). The same points feed the data table beside the chart.
/// </summary>
public sealed class ProgressChart
{
    public const int Width = 720;
    public const int Height = 260;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    public ProgressChart(IReadOnlyList<WeekPoint> weeks) => Weeks = weeks;

    public IReadOnlyList<WeekPoint> Weeks { get; }

    public bool IsEmpty => Weeks.Count == 0;

    public int MaxValue => Math.Max(1, Weeks.Count == 0 ? 1 : Weeks[^1].Cumulative);

    private const double PlotWidth = Width - Left - Right;

    private const double PlotHeight = Height - Top - Bottom;

    private double Slot => Weeks.Count == 0 ? PlotWidth : PlotWidth / Weeks.Count;

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public double X(int index) => Left + (Slot * index) + (Slot / 2);

    public double Y(int value) => Top + PlotHeight - (PlotHeight * value / MaxValue);

    public static double BaseY => Top + PlotHeight;

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    public double BarWidth => Math.Max(2, Slot * 0.6);

    /// <summary>The cumulative line as SVG polyline points.</summary>
    public string LinePoints => string.Join(' ', Weeks.Select((w, i) => $"{N(X(i))},{N(Y(w.Cumulative))}"));

    /// <summary>Up to five horizontal gridline values, whole numbers.</summary>
    public IReadOnlyList<int> Ticks
    {
        get
        {
            var step = Math.Max(1, (int)Math.Ceiling(MaxValue / 4.0));
            return Enumerable.Range(0, (MaxValue / step) + 1).Select(i => i * step).ToList();
        }
    }

    /// <summary>Indexes of the weeks that get a date label, spaced so the labels do not collide.</summary>
    public IReadOnlyList<int> LabelledWeeks
    {
        get
        {
            var every = Math.Max(1, (int)Math.Ceiling(Weeks.Count / 8.0));
            return Enumerable.Range(0, Weeks.Count).Where(i => i % every == 0).ToList();
        }
    }

    /// <summary>
    /// Weekly approvals and the number of stages approved at the end of each week, from the stage
    /// events of an edition (history, not today's state): a stage approved and later reopened
    /// counts as approved for the weeks in between, and drops out from the week it was reopened.
    /// </summary>
    public static ProgressChart From(DateTime editionStartUtc, DateTime? editionEndUtc, DateTime nowUtc, IEnumerable<ApprovalChange> changesUtc)
    {
        var changes = changesUtc.Where(c => c.AtUtc >= editionStartUtc).ToList();
        var until = editionEndUtc is { } end && end < nowUtc ? end : nowUtc;
        if (changes.Count > 0 && changes.Max(c => c.AtUtc) > until)
        {
            until = changes.Max(c => c.AtUtc);
        }

        if (until < editionStartUtc)
        {
            return new ProgressChart([]);
        }

        var weekCount = (int)((until - editionStartUtc).TotalDays / 7) + 1;
        var approvedInWeek = new int[weekCount];
        var netInWeek = new int[weekCount];
        foreach (var change in changes)
        {
            var week = Math.Min(weekCount - 1, (int)((change.AtUtc - editionStartUtc).TotalDays / 7));
            approvedInWeek[week] += change.Approved ? 1 : 0;
            netInWeek[week] += change.Approved ? 1 : -1;
        }

        var standing = 0;
        var weeks = new List<WeekPoint>(weekCount);
        for (var i = 0; i < weekCount; i++)
        {
            standing += netInWeek[i];
            weeks.Add(new WeekPoint(editionStartUtc.AddDays(7 * i), approvedInWeek[i], standing));
        }

        return new ProgressChart(weeks);
    }
}

/// <summary>A stage event that changed whether a stage is approved: it became approved, or an approved stage was reopened.</summary>
public sealed record ApprovalChange(DateTime AtUtc, bool Approved);
