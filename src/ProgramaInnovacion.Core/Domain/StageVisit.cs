namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// When a person last opened a project's stage page: the comments written after it by someone else
/// are the ones they have not read (the team's home counts them).
/// </summary>
public class StageVisit
{
    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public int ProjectStageId { get; set; }

    public ProjectStage ProjectStage { get; set; } = null!;

    public DateTime SeenAtUtc { get; set; }
}
