using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Projects;

namespace ProgramaInnovacion.Web.Features.Home;

/// <summary>A comment the team member has not read yet, counted per stage.</summary>
public sealed record UnreadStageComments(string StageKey, string StageName, int Count);

/// <summary>What the coordination asked for when it sent the current stage back.</summary>
public sealed record ChangeRequestNote(string Text, string? Author, DateTime AtUtc);

/// <summary>Another edition in which the member's team has a project (the edition switcher).</summary>
public sealed record TeamProjectOption(int ProjectId, string Edition, bool IsSelected);

/// <summary>The team's home: the project, what to do next and what they have not read.</summary>
public sealed record TeamHomeViewModel(ProjectOverview Project, IReadOnlyList<TeamProjectOption> Projects,
    ChangeRequestNote? ChangeRequest, IReadOnlyList<UnreadStageComments> Unread);

/// <summary>
/// Builds the team's home (a fixed number of SQL commands) and remembers when a person opened a
/// stage page, so comments written afterwards by someone else count as unread.
/// </summary>
public class TeamHome(AppDbContext db, ProjectQueries projects, TimeProvider time)
{
    /// <param name="projectIds">The member's projects.</param>
    /// <param name="chosen">The project asked for (?proyecto=); the one of the newest edition otherwise.</param>
    public async Task<TeamHomeViewModel?> BuildAsync(string userId, IReadOnlyCollection<int> projectIds, int? chosen)
    {
        var options = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .OrderByDescending(p => p.Edition.StartsAtUtc).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, Edition = p.Edition.Name }).ToListAsync();
        var selectedId = chosen is { } c && options.Any(o => o.Id == c) ? c : options.Select(o => (int?)o.Id).FirstOrDefault();
        if (selectedId is not { } projectId || await projects.GetOverviewAsync(projectId) is not { } overview)
        {
            return null;
        }

        ChangeRequestNote? request = null;
        if (overview.Current is { State: StageState.ChangesRequested } current)
        {
            request = await db.StageEvents.AsNoTracking()
                .Where(e => e.ProjectId == projectId && e.ProjectStage.StageDefinition.Key == current.Key && e.Action == StageAction.RequestChanges)
                .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
                .Select(e => new ChangeRequestNote(e.Comment ?? "", e.Actor == null ? null : e.Actor.DisplayName, e.OccurredAtUtc))
                .FirstOrDefaultAsync();
        }

        var unread = await db.Comments.AsNoTracking()
            .Where(c => c.Deliverable.ProjectStage.ProjectId == projectId && c.AuthorId != userId
                && !db.StageVisits.Any(v => v.UserId == userId && v.ProjectStageId == c.Deliverable.ProjectStageId && v.SeenAtUtc >= c.CreatedAtUtc))
            .GroupBy(c => new { c.Deliverable.ProjectStage.StageDefinition.Order, c.Deliverable.ProjectStage.StageDefinition.Key, c.Deliverable.ProjectStage.StageDefinition.Name })
            .Select(g => new { g.Key.Order, g.Key.Key, g.Key.Name, Count = g.Count() })
            .ToListAsync();

        return new TeamHomeViewModel(overview,
            options.Select(o => new TeamProjectOption(o.Id, o.Edition, o.Id == projectId)).ToList(),
            request,
            unread.OrderBy(u => u.Order).Select(u => new UnreadStageComments(u.Key, u.Name, u.Count)).ToList());
    }

    /// <summary>
    /// The person has now seen the stage page and its comments. The mark is only ever compared
    /// with the times of other people's comments, so it is written only when one of them is newer
    /// than the last visit; any other write would change nothing, and would make every view of a
    /// stage form a write that waits on the row's lock (issue 14). One SQL command when there is
    /// nothing new, the usual case.
    /// </summary>
    public async Task RecordVisitAsync(string userId, int projectStageId)
    {
        var somethingNew = await db.Comments.AnyAsync(c => c.Deliverable.ProjectStageId == projectStageId && c.AuthorId != userId
            && !db.StageVisits.Any(v => v.UserId == userId && v.ProjectStageId == projectStageId && v.SeenAtUtc >= c.CreatedAtUtc));
        if (!somethingNew)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var visit = await db.StageVisits.SingleOrDefaultAsync(v => v.UserId == userId && v.ProjectStageId == projectStageId);
        if (visit is null)
        {
            db.StageVisits.Add(new StageVisit { UserId = userId, ProjectStageId = projectStageId, SeenAtUtc = now });
        }
        else
        {
            visit.SeenAtUtc = now;
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two tabs opening the same stage at once: the other request recorded the visit; a read mark is not worth an error page.
            db.ChangeTracker.Clear();
        }
    }
}
