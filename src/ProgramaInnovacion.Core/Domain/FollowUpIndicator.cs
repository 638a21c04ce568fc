namespace ProgramaInnovacion.Core.Domain;

public enum IndicatorDirection
{
    Up,
    Down,
}

/// <summary>
/// One results indicator of a project under follow-up, taken from its approved final project when
/// the panel closed, so measured values keep pointing at the indicator even if the final project is
/// later reopened and its rows move.
/// </summary>
public class FollowUpIndicator
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    /// <summary>0, 1, 2… the row of the final project's indicator field.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    /// <summary>Null when the final project's text did not read as a number (kept in BaselineText).</summary>
    public decimal? Baseline { get; set; }

    public DateOnly? BaselineDate { get; set; }

    public decimal? Target { get; set; }

    public DateOnly? TargetDate { get; set; }

    /// <summary>The baseline and target as the final project wrote them, when they were not numbers.</summary>
    public string? BaselineText { get; set; }

    public string? TargetText { get; set; }

    public string? Verification { get; set; }

    public IndicatorDirection Direction { get; set; }

    public List<IndicatorMeasurement> Measurements { get; set; } = [];
}

/// <summary>A value of an indicator measured by the team on a date.</summary>
public class IndicatorMeasurement
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public FollowUpIndicator Indicator { get; set; } = null!;

    public DateOnly MeasuredOn { get; set; }

    public decimal Value { get; set; }

    public string? Note { get; set; }

    public string? RecordedById { get; set; }

    public AppUser? RecordedBy { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
