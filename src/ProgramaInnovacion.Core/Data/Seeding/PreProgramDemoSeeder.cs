using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// The story before an edition, as history: the "Relevamiento federal 2021" answered by a
/// representative set of municipalities (the five and others), the call with its applications,
/// the coordinator's scores and the selection of the five with their justifications. Takes the
/// edition it belongs to; running it again adds nothing.
/// </summary>
public class PreProgramDemoSeeder(AppDbContext db)
{
    public const string CampaignName = "Relevamiento federal 2021";

    /// <summary>Municipalities that answered the survey and applied without being selected.</summary>
    private static readonly (string Name, string Province, string Slug, int Population)[] Others =
    [
        ("Venado Tuerto", "Santa Fe", "venadotuerto", 80_000),
        ("Villa Gesell", "Buenos Aires", "villagesell", 38_000),
        ("Neuquén", "Neuquén", "neuquen", 290_000),
        ("Tafí Viejo", "Tucumán", "tafiviejo", 45_000),
        ("Godoy Cruz", "Mendoza", "godoycruz", 200_000),
    ];

    /// <summary>Each municipality's answer to every question, around its level (0–4), and whether it applied.</summary>
    private static readonly Dictionary<string, (int Base, bool Applied, string? Justification)> Story = new()
    {
        ["tandil"] = (3, true, "Ciudad intermedia con nivel intermedio: estrategia aprobada y un desafío de turnos de salud con impacto claro; el intendente firmó la carta."),
        ["bariloche"] = (2, true, "Ciudad intermedia en desarrollo: un desafío turístico que suma una mirada distinta al grupo y un equipo con perfiles técnicos."),
        ["jesusmaria"] = (1, true, "Ciudad pequeña en nivel inicial: cubre la celda que más aprende del programa y muestra un compromiso institucional muy fuerte."),
        ["bahiablanca"] = (4, true, "Ciudad grande y avanzada: aporta experiencia en datos e interoperabilidad que el resto del grupo puede aprovechar."),
        ["gualeguaychu"] = (2, true, "Ciudad intermedia en desarrollo con un desafío de habilitaciones comerciales bien delimitado y un equipo disponible."),
        ["venadotuerto"] = (3, true, null),
        ["villagesell"] = (1, true, null),
        ["neuquen"] = (3, false, null),
        ["tafiviejo"] = (0, false, null),
        ["godoycruz"] = (2, true, null),
    };

    public async Task SeedAsync(ProgramEdition edition, AppUser coordinator, CancellationToken ct = default)
    {
        if (await db.SurveyCampaigns.AnyAsync(c => c.EditionId == edition.Id, ct))
        {
            return;
        }

        var existing = await db.Municipalities.Select(m => m.Slug).ToListAsync(ct);
        db.Municipalities.AddRange(Others.Where(o => !existing.Contains(o.Slug)).Select(o => new Municipality
        {
            Name = o.Name,
            Province = o.Province,
            Slug = o.Slug,
            Population = o.Population,
            Category = CategoryBands.Classify(o.Population, CategoryBands.Defaults()),
        }));
        await db.SaveChangesAsync(ct);
        var municipalities = await db.Municipalities.Where(m => Story.Keys.Contains(m.Slug)).ToDictionaryAsync(m => m.Slug, ct);

        DateTime At(int month, int day, int hour = 12) => ArgentinaTime.ToUtc(new DateOnly(2021, month, day), new TimeOnly(hour, 0));
        var campaign = new SurveyCampaign
        {
            EditionId = edition.Id,
            Name = CampaignName,
            OpensAtUtc = At(3, 1, 0),
            ClosesAtUtc = At(4, 30, 23),
            CreatedAtUtc = At(2, 20),
            Dimensions = MaturityScoring.DefaultDimensions(),
        };
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);

        var questions = campaign.Dimensions.OrderBy(d => d.Order).Select(d => (d.Name, Ids: (IReadOnlyList<int>)d.Questions.OrderBy(q => q.Order).Select(q => q.Id).ToList())).ToList();
        var day = 0;
        foreach (var (slug, story) in Story)
        {
            // Answers vary a little around the municipality's base (one dimension up, one down), so the radar is not a circle.
            var answers = questions.SelectMany((d, i) => d.Ids.Select(id => (id, Math.Clamp(story.Base + (i == day % 6 ? 1 : i == (day + 3) % 6 ? -1 : 0), 0, 4))))
                .ToDictionary(a => a.id, a => a.Item2);
            var overall = MaturityScoring.Overall(MaturityScoring.Score(questions, answers))!.Value;
            campaign.Responses.Add(new SurveyResponse
            {
                MunicipalityId = municipalities[slug].Id,
                UpdatedAtUtc = At(3, 10 + day),
                SubmittedAtUtc = At(3, 10 + day),
                OverallScore = overall,
                Level = MaturityScoring.Level(overall),
                Answers = answers.Select(a => new SurveyAnswer { QuestionId = a.Key, Value = a.Value }).ToList(),
            });
            day++;
        }

        var call = new ApplicationCall { EditionId = edition.Id, OpensAtUtc = At(5, 10, 9), ClosesAtUtc = At(6, 11, 0) };
        var criteria = SelectionCriterion.Defaults.Select((c, i) => new SelectionCriterion { EditionId = edition.Id, Order = i + 1, Name = c.Name, Description = c.Description }).ToList();
        db.SelectionCriteria.AddRange(criteria);
        var challenges = DemoContent.FirstEditionChallenges.ToDictionary(c => c.Slug);
        foreach (var (slug, story) in Story.Where(s => s.Value.Applied))
        {
            var m = municipalities[slug];
            var application = new CallApplication
            {
                MunicipalityId = m.Id,
                ContactName = $"Equipo {m.Name}",
                ContactEmail = $"innovacion@{slug}.example",
                Challenge = challenges.TryGetValue(slug, out var c) ? $"{c.Title}. {c.Problem}" : $"Trámites municipales en línea para los vecinos de {m.Name}.",
                Motivation = $"Queremos que {m.Name} aprenda con otras ciudades a diseñar servicios digitales con los vecinos.",
                LetterFileName = null,
                CreatedAtUtc = At(5, 15),
                UpdatedAtUtc = At(6, 1),
                SubmittedAtUtc = At(6, 1),
                Decision = story.Justification is null ? SelectionDecision.NotSelected : SelectionDecision.Selected,
                Justification = story.Justification,
                DecidedAtUtc = At(6, 25),
                Members = [new ApplicationMember { Order = 1, Name = $"Equipo {m.Name}", Email = $"innovacion@{slug}.example" }],
            };
            foreach (var criterion in criteria)
            {
                application.Scores.Add(new ApplicationScore { Criterion = criterion, CoordinatorId = coordinator.Id, Score = Math.Clamp(story.Base + (story.Justification is null ? 0 : 2), 1, 5) });
            }

            call.Applications.Add(application);
        }

        db.ApplicationCalls.Add(call);
        db.SelectionConfirmations.Add(new SelectionConfirmation { EditionId = edition.Id, ConfirmedAtUtc = At(7, 1), ConfirmedById = coordinator.Id });
        await db.SaveChangesAsync(ct);
    }
}
