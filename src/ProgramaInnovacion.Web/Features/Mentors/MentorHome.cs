using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.Web.Features.Mentors;

public sealed record MentorStageViewModel(string Name, StageState State, string? Url, bool SharedDraft, int Changes);

public sealed record MentorProjectViewModel(int ProjectId, string Municipality, string Edition, string? Title, IReadOnlyList<MentorStageViewModel> Stages)
{
    public int Changes => Stages.Sum(s => s.Changes);
}

/// <param name="LastVisitUtc">The visit before this one; null on the first.</param>
public sealed record MentorHomeViewModel(string? Organization, DateTime? LastVisitUtc, IReadOnlyList<MentorProjectViewModel> Projects);

/// <summary>
/// A mentor's home: their assigned projects, the stages they may read (the same rule as the stage
/// page, <see cref="MentorReading"/>) and what changed in them since their last visit — new
/// submissions, reviews and comments by others. Five SQL commands however many projects.
/// </summary>
public class MentorHome(AppDbContext db, TimeProvider time)
{
    public async Task<MentorHomeViewModel> BuildAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var visit = await db.MentorVisits.SingleOrDefaultAsync(v => v.MentorId == userId);
        var since = visit?.LastVisitAtUtc;
        var assignments = await db.MentorAssignments.AsNoTracking().Where(a => a.MentorId == userId)
            .Select(a => new { a.ProjectId, a.StageDefinitionId, Organization = a.Mentor.Organization == null ? null : a.Mentor.Organization.Name }).ToListAsync();
        var projectIds = assignments.Select(a => a.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().AsSplitQuery().Where(p => projectIds.Contains(p.Id))
            .OrderByDescending(p => p.Edition.StartsAtUtc).ThenBy(p => p.Municipality.Name)
            .Select(p => new
            {
                p.Id,
                Municipality = p.Municipality.Name,
                Edition = p.Edition.Name,
                p.Title,
                Stages = p.Stages.OrderBy(s => s.StageDefinition.Order).Select(s => new
                {
                    s.StageDefinitionId,
                    s.StageDefinition.Key,
                    s.StageDefinition.Name,
                    s.StageDefinition.HasTeamForm,
                    s.State,
                    Ready = s.Deliverable != null && s.Deliverable.ReadyForFeedback,
                }).ToList(),
            })
            .ToListAsync();
        var after = since ?? DateTime.MaxValue;
        var events = await db.StageEvents.AsNoTracking()
            .Where(e => projectIds.Contains(e.ProjectId) && e.OccurredAtUtc > after && e.Action != StageAction.SaveDraft)
            .Select(e => e.ProjectStage.StageDefinitionId).ToListAsync();
        var comments = await db.Comments.AsNoTracking()
            .Where(c => projectIds.Contains(c.Deliverable.ProjectStage.ProjectId) && c.CreatedAtUtc > after && c.AuthorId != userId)
            .Select(c => c.Deliverable.ProjectStage.StageDefinitionId).ToListAsync();
        var changes = events.Concat(comments).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        var rows = projects.Select(p =>
        {
            var assigned = assignments.Where(a => a.ProjectId == p.Id).Select(a => a.StageDefinitionId).ToList();
            var stages = p.Stages
                .Where(s => s.HasTeamForm && assigned.Any(a => a is null || a == s.StageDefinitionId))
                .Select(s =>
                {
                    var visible = MentorReading.MaySee(s.State, s.HasTeamForm, s.Ready);
                    return new MentorStageViewModel(s.Name, s.State, visible ? StageUrls.Stage(p.Id, s.Key) : null,
                        visible && StageWorkflow.IsEditableByTeam(s.State), visible ? changes.GetValueOrDefault(s.StageDefinitionId) : 0);
                })
                .ToList();
            return new MentorProjectViewModel(p.Id, p.Municipality, p.Edition, p.Title, stages);
        }).ToList();

        // This visit is the mark the next one counts from.
        var now = time.GetUtcNow().UtcDateTime;
        if (visit is null)
        {
            db.MentorVisits.Add(new MentorVisit { MentorId = userId, LastVisitAtUtc = now });
        }
        else
        {
            visit.LastVisitAtUtc = now;
        }

        await db.SaveChangesAsync();
        return new MentorHomeViewModel(assignments.Select(a => a.Organization).FirstOrDefault(o => o is not null), since, rows);
    }
}
