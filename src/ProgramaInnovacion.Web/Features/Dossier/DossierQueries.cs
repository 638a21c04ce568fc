using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Features.Panel;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.Web.Features.Dossier;

/// <summary>
/// A project's dossier: every approved deliverable, the expert panel's result and recommendations
/// once published, the team's action plan (its answers to them) and the project timeline.
/// </summary>
public sealed record DossierViewModel(int ProjectId, string Municipality, string Province, string Edition, string? Title,
    IReadOnlyList<ApprovedDeliverable> Stages, PanelResult? Panel, DateTime? PanelPublishedAtUtc, IReadOnlyList<TimelineRow> Timeline)
{
    /// <summary>The line repeated at the top of every printed page.</summary>
    public string RunningHead => $"Dossier de {Municipality}{(Title is null ? "" : $" – {Title}")} · {Edition}";

    /// <summary>The recommendations the team answered with an action (its action plan).</summary>
    public IReadOnlyList<RecommendationView> ActionPlan =>
        Panel?.Evaluations.SelectMany(e => e.Recommendations).Where(r => r.Response?.Decision is not null).OrderBy(r => r.Priority).ToList() ?? [];
}

/// <summary>
/// Reads a dossier from the features that own each part (approved deliverables, panel, timeline), in a
/// fixed number of SQL commands: three or four before the panel publishes, the panel's few more after.
/// </summary>
public class DossierQueries(AppDbContext db, ApprovedDeliverables approved, PanelQueries panel, StageQueries stages)
{
    public async Task<DossierViewModel?> BuildAsync(int projectId)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Id,
                Municipality = p.Municipality.Name,
                p.Municipality.Province,
                Edition = p.Edition.Name,
                p.Title,
                Published = db.PanelPublications.Any(pp => pp.ProjectId == p.Id),
            })
            .SingleOrDefaultAsync();
        if (project is null)
        {
            return null;
        }

        // The team's own download route: whoever reads the dossier may read the project.
        var deliverables = await approved.OfProjectAsync(project.Id, StageUrls.Attachment);

        // What the team itself sees of the panel: nothing before publication (not even read), the result after.
        var result = project.Published ? await panel.TeamViewAsync(project.Id, mayAnswer: false) : null;
        var timeline = await stages.TimelineRowsAsync(project.Id);
        return new DossierViewModel(project.Id, project.Municipality, project.Province, project.Edition, project.Title, deliverables,
            result?.Result, result?.PublishedAtUtc, timeline);
    }
}
