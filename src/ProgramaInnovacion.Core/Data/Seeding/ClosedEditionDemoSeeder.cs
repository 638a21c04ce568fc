using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// The demo's 2021 edition as the program ran it: kick-off on Tuesday 27 July 2021 at 11:00
/// (Argentina time), two weeks per stage, the expert panel in December and the edition ended on
/// 14 December 2021. Every team went through all ten stages (one with a round of changes), the
/// experts scored each final project, the coordination published the results, the teams answered
/// with their action plans and the panels closed. Written once, when the edition does not exist.
/// </summary>
internal sealed class ClosedEditionDemoSeeder(AppDbContext db, TimeProvider time)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, AppUser> accounts, IReadOnlyList<Municipality> municipalities, CancellationToken ct)
    {
        if (await db.Editions.AnyAsync(e => e.Name == ReferenceData.FirstEditionName, ct))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var start = ReferenceData.FirstEditionStartUtc;
        var edition = DemoHistory.CreateEdition(ReferenceData.FirstEditionName, start, ReferenceData.FirstEditionEndUtc,
            ReferenceData.FirstEditionDueDateUtc, municipalities, now);
        edition.Phase = EditionPhase.Closed; // history: read-only, no overdue figures or reminders
        db.Editions.Add(edition);
        db.CalendarSessions.Add(KnowledgeSeeder.KickOff(edition, now));

        var coordinator = accounts[DemoSeeder.CoordinatorEmail];
        foreach (var challenge in DemoContent.FirstEditionChallenges)
        {
            var project = edition.Projects.Single(p => p.Municipality.Slug == challenge.Slug);
            var team = accounts[DemoSeeder.TeamEmail(challenge.Slug)];
            project.IsDemo = true;
            project.Title = challenge.Title;
            DemoHistory.AddMembers(project, team, start);
            WriteStages(project, challenge, team, coordinator);
        }

        await db.SaveChangesAsync(ct);
        await new RubricSeeder(db).SeedAsync(edition.Id, ct);
        await SeedPanelAsync(edition, accounts, coordinator, ct);
    }

    private static void WriteStages(Project project, DemoChallenge challenge, AppUser team, AppUser coordinator)
    {
        var stages = project.Stages.OrderBy(s => s.StageDefinition.Order).ToList();
        for (var i = 0; i < challenge.ApprovedStages; i++)
        {
            var approvedAt = ReferenceData.FirstEditionDueDateUtc(i + 1).AddDays(-1);
            var content = DemoContent.For(stages[i].StageDefinition.Key, challenge);
            if (challenge.Slug == "jesusmaria" && stages[i].StageDefinition.Role == StageRole.Validation)
            {
                // One round of changes, so the 2021 history shows a review loop and the comparison of two submissions.
                var first = DemoContent.For(stages[i].StageDefinition.Key, challenge);
                first["conclusiones"] = "La demanda está validada.";
                DemoHistory.Submit(stages[i], first, team, approvedAt.AddDays(-8));
                DemoHistory.RequestChanges(stages[i], coordinator, approvedAt.AddDays(-6),
                    "Las conclusiones son muy breves: cuenten qué aprendieron de los supuestos no concluyentes y qué van a hacer con ellos.");
            }

            DemoHistory.Approve(stages, i, content, team, coordinator, approvedAt.AddDays(-3), approvedAt);
        }
    }

    /// <summary>Both demo experts on every project: declared, evaluated, published; the team's action plan; the panel closed.</summary>
    private async Task SeedPanelAsync(ProgramEdition edition, IReadOnlyDictionary<string, AppUser> accounts, AppUser coordinator, CancellationToken ct)
    {
        var criteria = await db.RubricCriteria.Where(c => c.EditionId == edition.Id).OrderBy(c => c.Order).ToListAsync(ct);
        var experts = PanelDemoSeeder.ExpertEmails.Select(e => accounts[e]).ToList();
        var panelDay = ArgentinaTime.ToUtc(new DateOnly(2021, 12, 7), new TimeOnly(13, 0));
        var projectIndex = 0;
        foreach (var project in edition.Projects.OrderBy(p => p.Id))
        {
            var team = project.Members.Single().User;
            for (var e = 0; e < experts.Count; e++)
            {
                var assignment = new PanelAssignment
                {
                    ProjectId = project.Id,
                    ExpertId = experts[e].Id,
                    AssignedById = coordinator.Id,
                    AssignedAtUtc = panelDay.AddDays(-6),
                    Declaration = ConflictDeclaration.NoConflict,
                    DeclaredAtUtc = panelDay.AddDays(-5),
                    Evaluation = new PanelEvaluation
                    {
                        Status = EvaluationStatus.Submitted,
                        UpdatedAtUtc = panelDay,
                        SubmittedAtUtc = panelDay,
                        Scores = criteria.Select((c, i) => new EvaluationScore
                        {
                            CriterionId = c.Id,
                            Score = 3 + ((projectIndex + e + i) % 3),
                            Comment = i == 0 ? "Beneficio claro para la población destinataria." : null,
                        }).ToList(),
                        Recommendations =
                        [
                            new PanelRecommendation
                            {
                                Category = e == 0 ? RecommendationCategory.Scalability : RecommendationCategory.Management,
                                Priority = e == 0 ? RecommendationPriority.High : RecommendationPriority.Medium,
                                Text = e == 0
                                    ? "Documentar el trámite y el código para que otras ciudades de la red puedan replicarlo."
                                    : "Definir un responsable del servicio y medir los indicadores cada tres meses.",
                                CreatedAtUtc = panelDay,
                                Response = new RecommendationResponse
                                {
                                    Decision = RecommendationDecision.Accepts,
                                    Action = e == 0
                                        ? "Publicaremos la guía del trámite y el repositorio del código con licencia abierta."
                                        : "La dirección a cargo designa una persona responsable y reporta los indicadores cada trimestre.",
                                    TargetDate = new DateOnly(2022, e == 0 ? 6 : 3, 30),
                                    RespondedById = team.Id,
                                    RespondedAtUtc = panelDay.AddDays(4),
                                    FollowUp = FollowUpStatus.InProgress,
                                },
                            },
                        ],
                    },
                };
                db.PanelAssignments.Add(assignment);
            }

            db.PanelPublications.Add(new PanelPublication
            {
                ProjectId = project.Id,
                PublishedAtUtc = panelDay.AddDays(2),
                PublishedById = coordinator.Id,
                ClosedAtUtc = ReferenceData.FirstEditionEndUtc,
                ClosedById = coordinator.Id,
            });
            var panelStage = project.Stages.Single(s => s.StageDefinition.Role == StageRole.ExpertPanel);
            DemoHistory.Transition(panelStage, StageAction.Close, coordinator, ReferenceData.FirstEditionEndUtc, null);
            projectIndex++;
        }

        await db.SaveChangesAsync(ct);
    }
}
