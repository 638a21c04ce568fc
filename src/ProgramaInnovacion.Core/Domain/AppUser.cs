using Microsoft.AspNetCore.Identity;

namespace ProgramaInnovacion.Core.Domain;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Users are deactivated, never deleted, so history keeps their name.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public List<ProjectMember> Memberships { get; set; } = [];

    /// <summary>The alliance organisation the person belongs to (a mentor's AWS, OS City…); shown beside their name.</summary>
    public int? OrganizationId { get; set; }

    public AllianceOrganization? Organization { get; set; }
}
