using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Authorization;

/// <summary>The project a resource-based authorization check is about.</summary>
public sealed record ProjectResource(int ProjectId);

/// <summary>What a user wants to do with a project.</summary>
public sealed class ProjectOperation(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;

    /// <summary>See the project, its stages and its deliverables.</summary>
    public static readonly ProjectOperation Read = new(nameof(Read));

    /// <summary>Edit drafts, submit, upload and comment as the team.</summary>
    public static readonly ProjectOperation Edit = new(nameof(Edit));

    /// <summary>Approve, request changes, unlock and reopen stages.</summary>
    public static readonly ProjectOperation Review = new(nameof(Review));
}

/// <summary>
/// "Does this user belong to this project?" — the one place that answers it. Coordinators and
/// administrators read and review every project; team members read and edit their own only.
/// Scoped per request: a member's membership of a project is looked up once, however many
/// operations the request checks.
/// </summary>
public class ProjectAccess(AppDbContext db)
{
    private readonly Dictionary<(string UserId, int ProjectId), bool> _membership = [];

    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, int projectId, ProjectOperation operation)
    {
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator))
        {
            return operation != ProjectOperation.Edit || user.IsInRole(Roles.Administrator);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || operation == ProjectOperation.Review)
        {
            return false;
        }

        return user.IsInRole(Roles.MunicipalTeam) && await IsMemberAsync(userId, projectId);
    }

    private async Task<bool> IsMemberAsync(string userId, int projectId)
    {
        if (!_membership.TryGetValue((userId, projectId), out var member))
        {
            member = await db.ProjectMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId == userId);
            _membership[(userId, projectId)] = member;
        }

        return member;
    }

    /// <summary>The projects the user is a team member of (usually one).</summary>
    public Task<List<int>> MemberProjectIdsAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.ProjectMembers.Where(m => m.UserId == userId).Select(m => m.ProjectId).ToListAsync();
    }
}

public class ProjectAccessHandler(ProjectAccess access) : AuthorizationHandler<ProjectOperation, ProjectResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectOperation requirement, ProjectResource resource)
    {
        if (await access.IsAllowedAsync(context.User, resource.ProjectId, requirement))
        {
            context.Succeed(requirement);
        }
    }
}
