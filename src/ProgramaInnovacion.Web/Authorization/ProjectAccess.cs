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
/// "Does this user belong to this project?" — the one place that answers it. Administrators read
/// and review every project, coordinators the projects of the editions assigned to them
/// (<see cref="CoordinationScope"/>); team members read and edit their own only. Mentors are not
/// readers of a project: they see single stages of the projects assigned to them
/// (<see cref="MentorMayReadAsync"/>). Scoped per request: a member's membership of a project is
/// looked up once, however many operations the request checks.
/// </summary>
public class ProjectAccess(AppDbContext db, CoordinationScope scope)
{
    private readonly Dictionary<(string UserId, int ProjectId), bool> _membership = [];
    private readonly Dictionary<(string UserId, int ProjectId), List<int?>> _mentoring = [];

    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, int projectId, ProjectOperation operation)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return true;
        }

        if (user.IsInRole(Roles.Coordinator) && operation != ProjectOperation.Edit && await scope.MayCoordinateProjectAsync(user, projectId))
        {
            return true;
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

    /// <summary>
    /// A mentor assigned to the project (to all its stages or to this one) reads the stage when
    /// <see cref="MentorReading.MaySee"/> allows it: delivered work, or a draft the team marked
    /// ready for feedback. Reading a stage is also what lets them comment on it.
    /// </summary>
    public async Task<bool> MentorMayReadAsync(ClaimsPrincipal user, int projectId, int stageDefinitionId, StageState state, bool hasTeamForm, bool readyForFeedback)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.Mentor) || !MentorReading.MaySee(state, hasTeamForm, readyForFeedback))
        {
            return false;
        }

        if (!_mentoring.TryGetValue((userId, projectId), out var stages))
        {
            stages = await db.MentorAssignments.Where(a => a.ProjectId == projectId && a.MentorId == userId).Select(a => a.StageDefinitionId).ToListAsync();
            _mentoring[(userId, projectId)] = stages;
        }

        return stages.Any(s => s is null || s == stageDefinitionId);
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
