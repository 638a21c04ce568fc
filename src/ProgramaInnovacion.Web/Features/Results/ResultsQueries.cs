using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>
/// The reads of the results feature: a project's follow-up, the roll-up of editions, a
/// municipality's adoptions. Each reads indicators and their measurements in two SQL commands
/// whatever the number of projects, and every page computes progress and status with
/// IndicatorProgress, so the same numbers show on every page and in the exports.
/// </summary>
public class ResultsQueries(AppDbContext db, TimeProvider time)
{
    public DateOnly Today => ArgentinaTime.LocalDate(time.GetUtcNow().UtcDateTime);

    public async Task<List<IndicatorRowViewModel>> IndicatorsAsync(IQueryable<FollowUpIndicator> indicators)
    {
        var rows = await indicators.AsNoTracking()
            .OrderBy(i => i.Project.Edition.StartsAtUtc).ThenBy(i => i.Project.Municipality.Name).ThenBy(i => i.Position)
            .Select(i => new
            {
                i.Id,
                i.ProjectId,
                i.Project.EditionId,
                Edition = i.Project.Edition.Name,
                i.Project.Edition.Theme,
                Municipality = i.Project.Municipality.Name,
                i.Name,
                i.Unit,
                i.Direction,
                i.Baseline,
                i.BaselineText,
                i.BaselineDate,
                i.Target,
                i.TargetText,
                i.TargetDate,
                i.Verification,
            }).ToListAsync();
        var ids = rows.Select(r => r.Id).ToList();
        var measurements = (await db.IndicatorMeasurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId))
                .Select(m => new { m.IndicatorId, m.Id, m.MeasuredOn, m.Value, m.Note }).ToListAsync())
            .GroupBy(m => m.IndicatorId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).Select(m => new MeasurementViewModel(m.MeasuredOn, m.Value, m.Note)).ToList());
        return rows.Select(r =>
        {
            var series = measurements.GetValueOrDefault(r.Id) ?? [];
            var latest = series.LastOrDefault();
            return new IndicatorRowViewModel(r.Id, r.ProjectId, r.EditionId, r.Edition, r.Theme, r.Municipality, r.Name, r.Unit, r.Direction,
                r.Baseline, r.BaselineText, r.BaselineDate, r.Target, r.TargetText, r.TargetDate, r.Verification, latest?.Value, latest?.MeasuredOn, series);
        }).ToList();
    }

    public Task<List<AdoptionViewModel>> AdoptionsAsync(IQueryable<Adoption> adoptions) =>
        adoptions.AsNoTracking().OrderBy(a => a.AdoptedOn).ThenBy(a => a.Id)
            .Select(a => new AdoptionViewModel(a.Id, a.ProjectId, a.Project.Municipality.Name, a.Project.Title, a.MunicipalityId, a.Municipality.Name, a.Municipality.Province,
                a.AdoptedOn, a.Status, a.Contact, a.Note))
            .ToListAsync();

    public async Task<FollowUpViewModel?> FollowUpAsync(int projectId, bool mayReport, bool mayCoordinate)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.MunicipalityId, Municipality = p.Municipality.Name, p.Title, Edition = p.Edition.Name })
            .SingleOrDefaultAsync();
        if (project is null)
        {
            return null;
        }

        var indicators = await IndicatorsAsync(db.FollowUpIndicators.Where(i => i.ProjectId == projectId));
        var activities = await db.FollowUpActivities.AsNoTracking().Where(a => a.ProjectId == projectId).OrderBy(a => a.Position)
            .Select(a => new ActivityViewModel(a.Id, a.Name, a.Owner, a.StartsOn, a.EndsOn, a.Status, a.Note)).ToListAsync();
        var adoptions = await AdoptionsAsync(db.Adoptions.Where(a => a.ProjectId == projectId));
        var publication = await db.ShowcasePublications.AsNoTracking().Where(p => p.ProjectId == projectId)
            .Select(p => new PublicationViewModel(p.TeamConsent, p.IncludeRecommendations, p.PublishedAtUtc)).SingleOrDefaultAsync();
        var others = (await db.Municipalities.AsNoTracking().Where(m => m.Id != project.MunicipalityId).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Province }).ToListAsync()).Select(m => (m.Id, $"{m.Name} ({m.Province})")).ToList();
        return new FollowUpViewModel(project.Id, project.Municipality, project.Title, project.Edition, indicators.Count > 0 || activities.Count > 0,
            mayReport, mayCoordinate, indicators, activities, adoptions, publication, others, Today);
    }

    /// <summary>The roll-up of the given editions (null: every edition the person coordinates).</summary>
    public async Task<RollupViewModel> RollupAsync(int? editionId, IReadOnlySet<int>? scope)
    {
        var editions = (await db.Editions.AsNoTracking().Where(e => scope == null || scope.Contains(e.Id)).OrderBy(e => e.StartsAtUtc)
            .Select(e => new { e.Id, e.Name }).ToListAsync()).Select(e => (e.Id, e.Name)).ToList();
        var ids = editionId is { } one ? [one] : editions.Select(e => e.Id).ToList();
        var indicators = await IndicatorsAsync(db.FollowUpIndicators.Where(i => ids.Contains(i.Project.EditionId)));
        var groups = indicators.GroupBy(i => (i.Theme, i.Unit))
            .OrderBy(g => g.Key.Theme, StringComparer.CurrentCulture).ThenBy(g => g.Key.Unit, StringComparer.CurrentCulture)
            .Select(g => new IndicatorGroupViewModel(g.Key.Theme, g.Key.Unit, g.ToList())).ToList();
        var adoptions = await AdoptionsAsync(db.Adoptions.Where(a => ids.Contains(a.Project.EditionId)));
        var projects = (await db.Projects.AsNoTracking().Where(p => ids.Contains(p.EditionId)
                && (db.FollowUpIndicators.Any(i => i.ProjectId == p.Id) || db.FollowUpActivities.Any(a => a.ProjectId == p.Id)))
                .OrderBy(p => p.Edition.StartsAtUtc).ThenBy(p => p.Municipality.Name)
                .Select(p => new { p.Id, Edition = p.Edition.Name, Municipality = p.Municipality.Name, p.Title, Published = db.ShowcasePublications.Any(s => s.ProjectId == p.Id) })
                .ToListAsync())
            .Select(p => new ProjectResultViewModel(p.Id, p.Edition, p.Municipality, p.Title,
                Core.Results.IndicatorProgress.Worst(indicators.Where(i => i.ProjectId == p.Id).Select(i => i.Status)),
                adoptions.Count(a => a.ProjectId == p.Id), p.Published))
            .ToList();
        var heading = editionId is { } e ? $"Resultados de {editions.FirstOrDefault(x => x.Id == e).Name}" : "Resultados del programa";
        return new RollupViewModel(heading, editionId, editions, groups, projects, adoptions);
    }

    public async Task<MunicipalityAdoptionsViewModel?> MunicipalityAsync(int municipalityId, IReadOnlySet<int>? scope)
    {
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => new { m.Name, m.Province }).SingleOrDefaultAsync();
        return municipality is null
            ? null
            : new MunicipalityAdoptionsViewModel(municipality.Name, municipality.Province,
                await AdoptionsAsync(db.Adoptions.Where(a => a.MunicipalityId == municipalityId && (scope == null || scope.Contains(a.Project.EditionId)))));
    }
}
