using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Network;

/// <summary>A user as a participant of one edition: its coordinators or a member of one of its teams.</summary>
public sealed record Participant(string UserId, int EditionId, string EditionName, bool ShareApprovedDeliverables, int? ProjectId, bool IsCoordinator);

/// <summary>
/// Who takes part in which edition: coordinators and administrators in every edition (the newest
/// by default), team members in their projects' editions. Anyone else takes part in none, so the
/// network of an edition is invisible to the teams of another one.
/// </summary>
public class EditionParticipation(AppDbContext db, Authorization.CoordinationScope scope)
{
    public async Task<Participant?> ResolveAsync(ClaimsPrincipal user, int? editionId = null)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator))
        {
            var editions = await scope.EditionIdsAsync(user);
            var edition = await db.Editions.AsNoTracking()
                .Where(e => (editionId == null || e.Id == editionId) && (editions == null || editions.Contains(e.Id)))
                .OrderByDescending(e => e.StartsAtUtc)
                .Select(e => new { e.Id, e.Name, e.ShareApprovedDeliverables })
                .FirstOrDefaultAsync();
            return edition is null ? null : new Participant(userId, edition.Id, edition.Name, edition.ShareApprovedDeliverables, null, true);
        }

        if (!user.IsInRole(Roles.MunicipalTeam))
        {
            return null;
        }

        var membership = await db.ProjectMembers.AsNoTracking()
            .Where(m => m.UserId == userId && (editionId == null || m.Project.EditionId == editionId))
            .OrderByDescending(m => m.Project.Edition.StartsAtUtc)
            .Select(m => new { m.ProjectId, m.Project.EditionId, m.Project.Edition.Name, m.Project.Edition.ShareApprovedDeliverables })
            .FirstOrDefaultAsync();
        return membership is null ? null : new Participant(userId, membership.EditionId, membership.Name, membership.ShareApprovedDeliverables, membership.ProjectId, false);
    }
}
