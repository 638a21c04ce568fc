namespace ProgramaInnovacion.Core.Domain;

/// <summary>Membership of a user in a project's municipal team.</summary>
public class ProjectMember
{
    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public DateTime JoinedAtUtc { get; set; }
}
