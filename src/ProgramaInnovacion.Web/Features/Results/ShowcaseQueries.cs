using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Results;

public sealed record ShowcaseProjectViewModel(
    int ProjectId, string Municipality, string Province, string? ChallengeTitle, string? Challenge, string? Summary,
    IReadOnlyList<IndicatorRowViewModel> Indicators, IReadOnlyList<AdoptionViewModel> Adoptions, IReadOnlyList<string> Recommendations);

public sealed record ShowcaseViewModel(int EditionId, string Edition, string Theme, DateTime StartsAtUtc, IReadOnlyList<string> Alliance, IReadOnlyList<ShowcaseProjectViewModel> Projects);

public sealed record ShowcaseEditionLink(int Id, string Name, int Projects);

/// <summary>
/// The public showcase reads only what a publication allows: published projects, their approved
/// challenge and final-project summary (the latest submissions, never a draft), their indicators and
/// adoptions without contacts, and the panel's recommendations only when the team agreed and the
/// panel was published. Nothing else of a project is read here, so nothing else can leak.
/// </summary>
public class ShowcaseQueries(AppDbContext db, ResultsQueries results)
{
    public Task<List<ShowcaseEditionLink>> EditionsAsync() =>
        db.Editions.AsNoTracking()
            .Where(e => db.ShowcasePublications.Any(p => p.Project.EditionId == e.Id))
            .OrderBy(e => e.StartsAtUtc)
            .Select(e => new ShowcaseEditionLink(e.Id, e.Name, db.ShowcasePublications.Count(p => p.Project.EditionId == e.Id)))
            .ToListAsync();

    /// <summary>A version tag of what the showcase of an edition shows: it changes whenever a published value can.</summary>
    public async Task<string?> VersionAsync(int editionId)
    {
        var published = db.ShowcasePublications.Where(p => p.Project.EditionId == editionId);
        var stamp = await published.Select(p => new
        {
            p.ProjectId,
            p.PublishedAtUtc,
            p.IncludeRecommendations,
            Measurements = db.IndicatorMeasurements.Count(m => m.Indicator.ProjectId == p.ProjectId),
            LastMeasurement = db.IndicatorMeasurements.Where(m => m.Indicator.ProjectId == p.ProjectId).Max(m => (int?)m.Id),
            Adoptions = db.Adoptions.Where(a => a.ProjectId == p.ProjectId).Select(a => a.Id + ":" + a.Status).ToList(),
            Stages = db.ProjectStages.Where(s => s.ProjectId == p.ProjectId).Select(s => s.Id + ":" + s.Version).ToList(),
        })
            // One command: per published project its ten stages times its few adoptions, a few dozen rows.
            .AsSingleQuery()
            .OrderBy(p => p.ProjectId).ToListAsync();
        if (stamp.Count == 0)
        {
            return null;
        }

        var text = string.Join('|', stamp.Select(s => $"{s.ProjectId}:{s.PublishedAtUtc.Ticks}:{s.IncludeRecommendations}:{s.Measurements}:{s.LastMeasurement}:{string.Join(',', s.Adoptions)}:{string.Join(',', s.Stages)}"));
        return "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(editionId + "|" + text)))[..32] + "\"";
    }

    public async Task<ShowcaseViewModel?> ShowcaseAsync(int editionId)
    {
        // The edition's name and theme come with its published projects: one command fewer (the page has eight).
        var published = await db.ShowcasePublications.AsNoTracking().Where(p => p.Project.EditionId == editionId)
            .OrderBy(p => p.Project.Municipality.Name)
            .Select(p => new
            {
                p.ProjectId,
                p.IncludeRecommendations,
                p.Project.Municipality.Name,
                p.Project.Municipality.Province,
                Edition = new { p.Project.Edition.Name, p.Project.Edition.Theme, p.Project.Edition.StartsAtUtc },
            }).ToListAsync();
        if (published.Count == 0)
        {
            return null;
        }

        var edition = published[0].Edition;

        var ids = published.Select(p => p.ProjectId).ToList();
        var approved = await db.ProjectStages.AsNoTracking()
            .Where(s => ids.Contains(s.ProjectId) && (s.StageDefinition.Role == StageRole.Challenge || s.StageDefinition.Role == StageRole.FinalProject))
            .ApprovedDeliverables()
            .Select(s => new { s.Stage.ProjectId, s.Stage.StageDefinition.Role, s.SubmissionJson })
            .ToListAsync();
        var indicators = await results.IndicatorsAsync(db.FollowUpIndicators.Where(i => ids.Contains(i.ProjectId)));
        var adoptions = (await results.AdoptionsAsync(db.Adoptions.Where(a => ids.Contains(a.ProjectId))))
            .Select(a => a with { Contact = null, Note = null }).ToList();
        var withRecommendations = published.Where(p => p.IncludeRecommendations).Select(p => p.ProjectId).ToList();
        var recommendations = await db.PanelRecommendations.AsNoTracking()
            .Where(r => withRecommendations.Contains(r.Evaluation.Assignment.ProjectId)
                && r.Evaluation.Status == EvaluationStatus.Submitted
                && db.PanelPublications.Any(p => p.ProjectId == r.Evaluation.Assignment.ProjectId))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Evaluation.Assignment.ProjectId, r.Text }).ToListAsync();
        var alliance = await db.AllianceOrganizations.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Name).ToListAsync();

        var projects = published.Select(p =>
        {
            var challenge = DeliverableContent.Parse(approved.FirstOrDefault(a => a.ProjectId == p.ProjectId && a.Role == StageRole.Challenge)?.SubmissionJson);
            var final = DeliverableContent.Parse(approved.FirstOrDefault(a => a.ProjectId == p.ProjectId && a.Role == StageRole.FinalProject)?.SubmissionJson);
            return new ShowcaseProjectViewModel(p.ProjectId, p.Name, p.Province,
                NullIfEmpty(challenge.Text("titulo")), NullIfEmpty(challenge.Text("problema")), NullIfEmpty(final.Text("resumen")),
                indicators.Where(i => i.ProjectId == p.ProjectId).ToList(),
                adoptions.Where(a => a.ProjectId == p.ProjectId).ToList(),
                recommendations.Where(r => r.ProjectId == p.ProjectId).Select(r => r.Text).ToList());
        }).ToList();
        return new ShowcaseViewModel(editionId, edition.Name, edition.Theme, edition.StartsAtUtc, alliance, projects);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
