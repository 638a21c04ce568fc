using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Projects;

public sealed record StageSummary(int Order, string Key, string Name, StageState State, DateTime? DueAtUtc, bool IsOverdue)
{
    /// <summary>When the latest submission was handed in (shown as on time or late).</summary>
    public DateTime? SubmittedAtUtc { get; init; }

    /// <summary>False for the expert panel, whose content is the panel's result, not a team form.</summary>
    public bool HasTeamForm { get; init; } = true;

    public int DaysLate => StageDeadline.SubmissionDaysLate(State, DueAtUtc, SubmittedAtUtc);
}

public sealed record ProjectOverview(
    int Id,
    string Municipality,
    string Province,
    string Edition,
    string? Title,
    bool IsDemo,
    IReadOnlyList<StageSummary> Stages)
{
    /// <summary>When the coordination published the expert panel's result to the team (null before).</summary>
    public DateTime? PanelPublishedAtUtc { get; init; }

    public ProjectProgress Progress { get; } = ProjectProgress.Of(Stages.Select(s => (StageState?)s.State));

    /// <summary>The stage the team works on now (<see cref="ProjectProgress"/>).</summary>
    public StageSummary? Current => Progress.CurrentIndex is { } index ? Stages[index] : null;

    public int ApprovedCount => Progress.Approved;
}

public sealed record ProjectRow(int Id, string Municipality, string Province, string? Title, bool IsDemo, int ApprovedCount, int StageCount, StageSummary? Current);
