using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Projects;

public sealed record StageSummary(int Order, string Key, string Name, StageState State, DateTime? DueAtUtc, bool IsOverdue);

public sealed record ProjectOverview(
    int Id,
    string Municipality,
    string Province,
    string Edition,
    string? Title,
    bool IsDemo,
    IReadOnlyList<StageSummary> Stages)
{
    public ProjectProgress Progress { get; } = ProjectProgress.Of(Stages.Select(s => (StageState?)s.State));

    /// <summary>The stage the team works on now (<see cref="ProjectProgress"/>).</summary>
    public StageSummary? Current => Progress.CurrentIndex is { } index ? Stages[index] : null;

    public int ApprovedCount => Progress.Approved;
}

public sealed record ProjectRow(int Id, string Municipality, string Province, string? Title, bool IsDemo, int ApprovedCount, int StageCount, StageSummary? Current);
