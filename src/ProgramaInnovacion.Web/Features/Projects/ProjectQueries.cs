using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Projects;

/// <summary>
/// Read models of projects for the home pages, in a fixed number of SQL commands however many
/// projects or stages: the edition's stages, and the projects with their stage states.
/// </summary>
public class ProjectQueries(AppDbContext db, ArgentinaClock clock)
{
    public async Task<ProjectOverview?> GetOverviewAsync(int projectId)
    {
        var row = await WithStates(db.Projects.AsNoTracking().Where(p => p.Id == projectId)).SingleOrDefaultAsync();
        return row is null ? null : Overview(row, await StagesAsync(row.EditionId));
    }

    /// <summary>The projects of the newest edition with their current stage, for coordinators.</summary>
    /// <param name="scope">The editions the person coordinates; null for all.</param>
    public async Task<(string? Edition, IReadOnlyList<ProjectRow> Projects)> GetCurrentEditionProjectsAsync(IReadOnlySet<int>? scope)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => scope == null || scope.Contains(e.Id)).OrderByDescending(e => e.StartsAtUtc).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync();
        if (edition is null)
        {
            return (null, []);
        }

        var stages = await StagesAsync(edition.Id);
        var rows = await WithStates(db.Projects.AsNoTracking().Where(p => p.EditionId == edition.Id).OrderBy(p => p.Municipality.Name)).ToListAsync();
        var projects = rows.Select(p =>
        {
            var overview = Overview(p, stages);
            return new ProjectRow(p.Id, p.Municipality, p.Province, p.Title, p.IsDemo, overview.Progress.Approved, overview.Progress.Total, overview.Current);
        }).ToList();
        return (edition.Name, projects);
    }

    /// <summary>
    /// Every stage of the edition with the project's state in it: a stage the project has no row for
    /// is Locked, as <see cref="ProjectProgress"/> reads it, so progress counts the same stages as the dashboard.
    /// </summary>
    private ProjectOverview Overview(ProjectWithStates project, List<EditionStage> stages)
    {
        var now = clock.UtcNow;
        var rows = project.States.ToDictionary(s => s.StageDefinitionId);
        return new ProjectOverview(project.Id, project.Municipality, project.Province, project.Edition, project.Title, project.IsDemo,
            stages.Select(d =>
            {
                var row = rows.GetValueOrDefault(d.Id);
                var state = row?.State ?? StageState.Locked;
                return new StageSummary(d.Order, d.Key, d.Name, state, d.DueAtUtc, d.TracksDeadlines && StageDeadline.IsOverdue(state, d.HasTeamForm, d.DueAtUtc, now))
                {
                    SubmittedAtUtc = row?.SubmittedAtUtc,
                    HasTeamForm = d.HasTeamForm,
                };
            }).ToList())
        {
            PanelPublishedAtUtc = project.PanelPublishedAtUtc,
        };
    }

    private Task<List<EditionStage>> StagesAsync(int editionId) =>
        db.StageDefinitions.AsNoTracking().Where(d => d.EditionId == editionId).OrderBy(d => d.Order)
            .Select(d => new EditionStage(d.Id, d.Order, d.Key, d.Name, d.DueAtUtc, d.HasTeamForm, d.Edition.Phase == EditionPhase.Running))
            .ToListAsync();

    private IQueryable<ProjectWithStates> WithStates(IQueryable<Project> projects) =>
        projects.Select(p => new ProjectWithStates(p.Id, p.EditionId, p.Municipality.Name, p.Municipality.Province, p.Edition.Name, p.Title, p.IsDemo,
            p.Stages.Select(s => new StageStateRow(s.StageDefinitionId, s.State, s.SubmittedAtUtc)).ToList(),
            db.PanelPublications.Where(pp => pp.ProjectId == p.Id).Select(pp => (DateTime?)pp.PublishedAtUtc).FirstOrDefault()));

    /// <param name="TracksDeadlines">The edition is en curso: only then is a stage overdue (EditionLifecycle).</param>
    private sealed record EditionStage(int Id, int Order, string Key, string Name, DateTime? DueAtUtc, bool HasTeamForm, bool TracksDeadlines);

    private sealed record StageStateRow(int StageDefinitionId, StageState State, DateTime? SubmittedAtUtc);

    private sealed record ProjectWithStates(int Id, int EditionId, string Municipality, string Province, string Edition, string? Title, bool IsDemo,
        List<StageStateRow> States, DateTime? PanelPublishedAtUtc);
}
