namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// A mentor (specialist of an alliance organisation) assigned by the coordination to a project,
/// to all its stages (no stage) or to one stage; several rows give several stages.
/// </summary>
public class MentorAssignment
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public required string MentorId { get; set; }

    public AppUser Mentor { get; set; } = null!;

    /// <summary>Null: every stage of the project.</summary>
    public int? StageDefinitionId { get; set; }

    public StageDefinition? StageDefinition { get; set; }

    public DateTime AssignedAtUtc { get; set; }
}

/// <summary>When a mentor last opened their home, so it can say what changed since.</summary>
public class MentorVisit
{
    public required string MentorId { get; set; }

    public AppUser Mentor { get; set; } = null!;

    public DateTime LastVisitAtUtc { get; set; }
}

/// <summary>A coordinator's edition: a coordinator sees, reviews and exports only the editions assigned to them (an administrator sees all).</summary>
public class CoordinatorEdition
{
    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;
}
