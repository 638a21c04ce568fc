namespace ProgramaInnovacion.Core.Results;

/// <summary>How far a project is on one indicator, as people read it.</summary>
public enum ResultStatus
{
    NoData,
    OnTrack,
    AtRisk,
    OffTrack,
}

public static class ResultStatusText
{
    public static string Label(this ResultStatus status) => status switch
    {
        ResultStatus.OnTrack => "En camino",
        ResultStatus.AtRisk => "En riesgo",
        ResultStatus.OffTrack => "Desviado",
        _ => "Sin mediciones",
    };

    /// <summary>A mark that is read with the word, so the state is never colour alone.</summary>
    public static string Icon(this ResultStatus status) => status switch
    {
        ResultStatus.OnTrack => "✔",
        ResultStatus.AtRisk => "!",
        ResultStatus.OffTrack => "✖",
        _ => "–",
    };
}

/// <summary>
/// Progress of an indicator as the share of the way from its baseline to its target, the same
/// formula whichever the direction: (value − baseline) / (target − baseline). Going from 45 days
/// down to 10, a measured 20 is 71 % of the way; going from 200 up to 1.000, a measured 600 is 50 %.
/// Below 0 the indicator moved the wrong way; above 100 it beat its target.
/// <para>
/// The status rule (docs/adr/0013-results-after-the-program.md): the expected progress at the
/// latest measurement is the share of time elapsed between the baseline date and the target date
/// (100 % without both dates). An indicator is <b>en camino</b> when its progress reaches the
/// expected progress less 10 points (or 100 %), <b>en riesgo</b> when it reaches the expected
/// progress less 30 points, and <b>desviado</b> otherwise — always when it moved the wrong way.
/// A project takes the worst status of its measured indicators.
/// </para>
/// </summary>
public static class IndicatorProgress
{
    public const decimal OnTrackMargin = 10;
    public const decimal AtRiskMargin = 30;

    /// <summary>Percent of the way from baseline to target; null when they are equal (no way to go).</summary>
    public static decimal? Percent(decimal baseline, decimal target, decimal value) =>
        target == baseline ? null : Math.Round((value - baseline) / (target - baseline) * 100m, 1);

    /// <summary>Percent of the time from baseline date to target date elapsed on <paramref name="on"/>, 0 to 100.</summary>
    public static decimal Expected(DateOnly? baselineDate, DateOnly? targetDate, DateOnly on)
    {
        if (baselineDate is not { } from || targetDate is not { } to || to <= from)
        {
            return 100m;
        }

        var share = (decimal)(on.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber);
        return Math.Round(Math.Clamp(share, 0m, 1m) * 100m, 1);
    }

    public static ResultStatus Status(decimal? baseline, decimal? target, DateOnly? baselineDate, DateOnly? targetDate, decimal? latest, DateOnly? latestOn)
    {
        if (baseline is not { } b || target is not { } t || latest is not { } value || latestOn is not { } on
            || Percent(b, t, value) is not { } progress)
        {
            return ResultStatus.NoData;
        }

        var expected = Expected(baselineDate, targetDate, on);
        if (progress < 0)
        {
            return ResultStatus.OffTrack;
        }

        if (progress >= 100 || progress >= expected - OnTrackMargin)
        {
            return ResultStatus.OnTrack;
        }

        return progress >= expected - AtRiskMargin ? ResultStatus.AtRisk : ResultStatus.OffTrack;
    }

    /// <summary>The worst status among measured indicators; no data when none is measured.</summary>
    public static ResultStatus Worst(IEnumerable<ResultStatus> statuses)
    {
        var measured = statuses.Where(s => s != ResultStatus.NoData).ToList();
        return measured.Count == 0 ? ResultStatus.NoData : measured.Max();
    }
}
