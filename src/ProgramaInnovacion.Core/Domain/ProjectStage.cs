namespace ProgramaInnovacion.Core.Domain;

/// <summary>A project's progress through one stage of the edition.</summary>
public class ProjectStage
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public int StageDefinitionId { get; set; }

    public StageDefinition StageDefinition { get; set; } = null!;

    public StageState State { get; set; }

    public DateTime StateChangedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    public Deliverable? Deliverable { get; set; }

    public List<StageEvent> Events { get; set; } = [];
}
