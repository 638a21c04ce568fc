using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// The year after the 2021 panel: each team reported its indicators every quarter of 2022 and the
/// status of its plan's activities (five different stories: on track, beaten, at risk, off track,
/// a plan partly discarded); two other cities adopted projects; three projects are published on the
/// public showcase with their teams' consent. Written once, when the edition has no measurement.
/// </summary>
public sealed class ResultsDemoSeeder(AppDbContext db)
{
    /// <summary>Quarterly values of the first indicator (45 days down to 10) by municipality.</summary>
    private static readonly Dictionary<string, decimal[]> Values = new()
    {
        ["tandil"] = [38, 30, 21, 12],
        ["bariloche"] = [42, 37, 33, 28],
        ["jesusmaria"] = [44, 46, 47, 47],
        ["bahiablanca"] = [35, 22, 14, 9],
        ["gualeguaychu"] = [40, 33, 26, 18],
    };

    private static readonly DateOnly[] Quarters = [new(2022, 3, 31), new(2022, 6, 30), new(2022, 9, 30), new(2022, 12, 20)];

    public static readonly IReadOnlyList<string> PublishedSlugs = ["tandil", "bariloche", "bahiablanca"];

    public async Task SeedAsync(int editionId, AppUser coordinator, CancellationToken ct = default)
    {
        if (await db.IndicatorMeasurements.AnyAsync(m => m.Indicator.Project.EditionId == editionId, ct))
        {
            return;
        }

        var projects = await db.Projects.Where(p => p.EditionId == editionId).Include(p => p.Municipality).Include(p => p.Members).ToListAsync(ct);
        var projectIds = projects.Select(p => p.Id).ToList();
        var indicators = await db.FollowUpIndicators.Where(i => projectIds.Contains(i.ProjectId)).ToListAsync(ct);
        var activities = await db.FollowUpActivities.Where(a => projectIds.Contains(a.ProjectId)).ToListAsync(ct);
        foreach (var project in projects)
        {
            var team = project.Members.Select(m => m.UserId).FirstOrDefault();
            var values = Values.GetValueOrDefault(project.Municipality.Slug, [40, 35, 30, 25]);
            foreach (var indicator in indicators.Where(i => i.ProjectId == project.Id))
            {
                for (var q = 0; q < Quarters.Length; q++)
                {
                    indicator.Measurements.Add(new IndicatorMeasurement
                    {
                        MeasuredOn = Quarters[q],
                        Value = values[q],
                        Note = q == 0 ? "Primera medición con el servicio en marcha (demostración)." : null,
                        RecordedById = team,
                        RecordedAtUtc = ArgentinaTime.ToUtc(Quarters[q].AddDays(3), new TimeOnly(10, 0)),
                    });
                }
            }

            foreach (var activity in activities.Where(a => a.ProjectId == project.Id))
            {
                activity.Status = (project.Municipality.Slug, activity.Position) switch
                {
                    ("jesusmaria", 1) => ActivityStatus.Discarded,
                    ("jesusmaria", _) => ActivityStatus.InProgress,
                    ("bariloche", 1) => ActivityStatus.InProgress,
                    _ => ActivityStatus.Done,
                };
                activity.Note = activity.Status switch
                {
                    ActivityStatus.Discarded => "Se reemplazó por la capacitación del programa provincial (demostración).",
                    ActivityStatus.InProgress => "Avanza con demoras por la licitación (demostración).",
                    _ => "Terminada en plazo (demostración).",
                };
                activity.UpdatedById = team;
                activity.UpdatedAtUtc = ArgentinaTime.ToUtc(new DateOnly(2022, 12, 20), new TimeOnly(10, 0));
            }
        }

        var rafaela = await EnsureMunicipalityAsync("rafaela", "Rafaela", "Santa Fe", MunicipalityCategory.Intermediate, 110000, ct);
        var villaMaria = await EnsureMunicipalityAsync("villamaria", "Villa María", "Córdoba", MunicipalityCategory.Intermediate, 80000, ct);
        var bySlug = projects.ToDictionary(p => p.Municipality.Slug);
        var now = ArgentinaTime.ToUtc(new DateOnly(2022, 10, 1), new TimeOnly(12, 0));
        if (bySlug.TryGetValue("tandil", out var tandil))
        {
            db.Adoptions.Add(new Adoption
            {
                Project = tandil,
                Municipality = rafaela,
                AdoptedOn = new DateOnly(2022, 9, 15),
                Status = AdoptionStatus.Implemented,
                Contact = "Dirección de Modernización de Rafaela (demostración)",
                Note = "Reutilizó el diseño del trámite y el código publicado.",
                CreatedAtUtc = now,
                CreatedById = coordinator.Id,
            });
        }

        if (bySlug.TryGetValue("bahiablanca", out var bahiaBlanca))
        {
            db.Adoptions.Add(new Adoption
            {
                Project = bahiaBlanca,
                Municipality = villaMaria,
                AdoptedOn = new DateOnly(2022, 11, 3),
                Status = AdoptionStatus.Implementing,
                Contact = "Secretaría de Innovación de Villa María (demostración)",
                Note = "Adaptan el formulario a su ordenanza.",
                CreatedAtUtc = now,
                CreatedById = coordinator.Id,
            });
        }

        foreach (var slug in PublishedSlugs.Where(bySlug.ContainsKey))
        {
            db.ShowcasePublications.Add(new ShowcasePublication
            {
                ProjectId = bySlug[slug].Id,
                TeamConsent = "Consentimiento por correo de la intendencia, 1 de febrero de 2022 (demostración).",
                IncludeRecommendations = slug != "bariloche",
                PublishedAtUtc = ArgentinaTime.ToUtc(new DateOnly(2022, 2, 1), new TimeOnly(12, 0)),
                PublishedById = coordinator.Id,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<Municipality> EnsureMunicipalityAsync(string slug, string name, string province, MunicipalityCategory category, int population, CancellationToken ct) =>
        await db.Municipalities.SingleOrDefaultAsync(m => m.Slug == slug, ct)
        ?? db.Municipalities.Add(new Municipality { Slug = slug, Name = name, Province = province, Category = category, Population = population }).Entity;
}
