namespace ProgramaInnovacion.Core.Domain;

/// <summary>A transition of a project's stage, shown on the project timeline.</summary>
public class StageEvent
{
    public long Id { get; set; }

    public int ProjectStageId { get; set; }

    public ProjectStage ProjectStage { get; set; } = null!;

    /// <summary>Denormalised so a project's timeline is one indexed query.</summary>
    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public StageAction Action { get; set; }

    public StageState FromState { get; set; }

    public StageState ToState { get; set; }

    /// <summary>Null for transitions the system makes (e.g. the next stage opening).</summary>
    public string? ActorId { get; set; }

    public AppUser? Actor { get; set; }

    public string? Comment { get; set; }

    public DateTime OccurredAtUtc { get; set; }
}
