namespace ProgramaInnovacion.Core.Domain;

/// <summary>An expert's answer to "do you have a conflict of interest with this project?".</summary>
public enum ConflictDeclaration
{
    Pending,
    NoConflict,
    Declined,
}

/// <summary>An expert assigned by a coordinator to evaluate one project's final project.</summary>
public class PanelAssignment
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public required string ExpertId { get; set; }

    public AppUser Expert { get; set; } = null!;

    public string? AssignedById { get; set; }

    public AppUser? AssignedBy { get; set; }

    public DateTime AssignedAtUtc { get; set; }

    public ConflictDeclaration Declaration { get; set; }

    /// <summary>Why the expert declined (shown to coordinators).</summary>
    public string? DeclineReason { get; set; }

    public DateTime? DeclaredAtUtc { get; set; }

    public PanelEvaluation? Evaluation { get; set; }
}
