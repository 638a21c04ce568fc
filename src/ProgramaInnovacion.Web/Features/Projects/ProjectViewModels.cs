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
    /// <summary>The stage the team works on now: the first one not yet approved.</summary>
    public StageSummary? Current => Stages.FirstOrDefault(s => s.State != StageState.Approved);

    public int ApprovedCount => Stages.Count(s => s.State == StageState.Approved);
}

public sealed record ProjectRow(int Id, string Municipality, string Province, string? Title, bool IsDemo, int ApprovedCount, int StageCount, StageSummary? Current);
