using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// The demo's edition in course, placed relative to the day it is seeded (TimeProvider), so the
/// demo makes sense on any day: the ideation stage is due in two days, the territorial validation
/// was due five days ago. The five teams stand at different stages — Tandil ahead with its panel
/// open, Bariloche waiting for a review, Jesús María with changes requested and overdue, Bahía
/// Blanca ahead in progress, Gualeguaychú in progress on the stage due in two days. Written once,
/// when the edition does not exist.
/// </summary>
internal sealed class CurrentEditionDemoSeeder(AppDbContext db, TimeProvider time)
{
    /// <summary>Days from the seeding day to each stage's due date (stage order 1–10): two weeks each, the ideation stage one.</summary>
    public static IReadOnlyList<int> DueDayOffsets { get; } = [-47, -33, -19, -5, 2, 16, 30, 44, 58, 72];

    public const int StartDayOffset = -61;

    public async Task SeedAsync(IReadOnlyDictionary<string, AppUser> accounts, IReadOnlyList<Municipality> municipalities, CancellationToken ct)
    {
        if (await db.Editions.AnyAsync(e => e.Name == DemoSeeder.CurrentEditionName, ct))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = ArgentinaTime.LocalDate(now);
        var start = ArgentinaTime.ToUtc(today.AddDays(StartDayOffset), new TimeOnly(11, 0));
        DateTime Due(int order) => ArgentinaTime.ToUtc(today.AddDays(DueDayOffsets[order - 1]), new TimeOnly(18, 0));
        var edition = DemoHistory.CreateEdition(DemoSeeder.CurrentEditionName, start, Due(10).AddDays(7), Due, municipalities, now);
        edition.Phase = EditionPhase.Running;
        db.Editions.Add(edition);

        var coordinator = accounts[DemoSeeder.CoordinatorEmail];
        foreach (var challenge in DemoContent.Challenges)
        {
            var project = edition.Projects.Single(p => p.Municipality.Slug == challenge.Slug);
            var team = accounts[DemoSeeder.TeamEmail(challenge.Slug)];
            project.IsDemo = true;
            project.Title = challenge.Title;
            DemoHistory.AddMembers(project, team, start);
            WriteProgress(project, challenge, team, coordinator, start, now);
        }

        // The ideation stage's session with specialists, tomorrow: the week the teams are in.
        var ideation = ArgentinaTime.ToUtc(today.AddDays(1), new TimeOnly(10, 0));
        db.CalendarSessions.Add(new CalendarSession
        {
            Edition = edition,
            Title = "Sesión de ideación con especialistas de OS City",
            Kind = SessionKind.Ideation,
            StartsAtUtc = ideation,
            EndsAtUtc = ideation.AddHours(2),
            Location = "Sala virtual de OS City",
            Description = "Gobierno digital: trámites en línea, firma digital y validación con QR.",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        await new RubricSeeder(db).SeedAsync(edition.Id, ct);
    }

    /// <summary>
    /// Approvals spread evenly from the kick-off to five days ago, never later than the day before
    /// the stage's due date; then the stage in flight, dated in the last days.
    /// </summary>
    private static void WriteProgress(Project project, DemoChallenge challenge, AppUser team, AppUser coordinator, DateTime start, DateTime now)
    {
        var stages = project.Stages.OrderBy(s => s.StageDefinition.Order).ToList();
        var step = challenge.ApprovedStages == 0 ? TimeSpan.Zero : (now.AddDays(-5) - start) / challenge.ApprovedStages;
        for (var i = 0; i < challenge.ApprovedStages; i++)
        {
            var dueEve = stages[i].StageDefinition.DueAtUtc!.Value.AddDays(-1);
            var spread = start + (step * (i + 1));
            var approvedAt = spread < dueEve ? spread : dueEve;
            DemoHistory.Approve(stages, i, DemoContent.For(stages[i].StageDefinition.Key, challenge), team, coordinator, approvedAt.AddDays(-2), approvedAt);
        }

        var current = stages[challenge.ApprovedStages];
        var content = DemoContent.For(current.StageDefinition.Key, challenge);
        switch (challenge.CurrentState)
        {
            case StageState.InProgress:
                DemoHistory.SaveDraft(current, content, team, now.AddDays(-2));
                break;
            case StageState.Submitted:
                DemoHistory.Submit(current, content, team, now.AddDays(-3));
                break;
            case StageState.ChangesRequested:
                DemoHistory.Submit(current, content, team, now.AddDays(-9));
                DemoHistory.RequestChanges(current, coordinator, now.AddDays(-7), challenge.ChangeRequest!);
                break;
            default:
                break;
        }
    }
}
