using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>What an assigned expert may do with one project's panel.</summary>
/// <param name="PanelClosed">The coordinator closed the panel: everything is read-only.</param>
/// <param name="EvaluationStatus">The expert's own evaluation; null before they save anything.</param>
public sealed record ExpertAccess(int AssignmentId, int ProjectId, ConflictDeclaration Declaration, bool PanelClosed, EvaluationStatus? EvaluationStatus = null)
{
    /// <summary>Deliverables and the evaluation are shown only after declaring no conflict of interest.</summary>
    public bool MayRead => Declaration == ConflictDeclaration.NoConflict;
}

/// <summary>
/// Who may see what of the expert panel — the one place that answers it. An expert reaches a
/// project only while assigned to it and once its panel is open (the "Mesa de expertos" stage is
/// no longer locked); anything else is a 404 so project ids are not revealed. Teams see the
/// panel's result only after the coordinator publishes it.
/// </summary>
public class PanelAccess(AppDbContext db, IAuthorizationService authorization)
{
    /// <summary>Null when the user is not an expert assigned to this project with its panel open.</summary>
    public async Task<ExpertAccess?> ForExpertAsync(ClaimsPrincipal user, int projectId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.Expert))
        {
            return null;
        }

        var row = await db.PanelAssignments.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.ExpertId == userId)
            .Select(a => new
            {
                a.Id,
                a.Declaration,
                EvaluationStatus = a.Evaluation == null ? (EvaluationStatus?)null : a.Evaluation.Status,
                PanelState = a.Project.Stages.Where(s => s.StageDefinition.Key == PanelStages.PanelKey).Select(s => (StageState?)s.State).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (row?.PanelState is not { } state || state == StageState.Locked)
        {
            return null;
        }

        return new ExpertAccess(row.Id, projectId, row.Declaration, state == StageState.Approved, row.EvaluationStatus);
    }

    /// <summary>The team (or coordination) may read the published result of its own project.</summary>
    public async Task<bool> MayReadResultAsync(ClaimsPrincipal user, int projectId) =>
        (await authorization.AuthorizeAsync(user, new ProjectResource(projectId), ProjectOperation.Read)).Succeeded;

    /// <summary>Only the project's team answers the recommendations, and only once published.</summary>
    public async Task<bool> MayAnswerAsync(ClaimsPrincipal user, int projectId) =>
        (await authorization.AuthorizeAsync(user, new ProjectResource(projectId), ProjectOperation.Edit)).Succeeded
        && await db.PanelPublications.AnyAsync(p => p.ProjectId == projectId);
}
