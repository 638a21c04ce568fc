using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// The alliance in the demo: the coordinator's edition, two mentors (AWS and OS City) on two
/// projects each with a few comments, a draft shared with a mentor, and an ideation session led by
/// AWS for Tandil and Bariloche with its attendance. Takes the edition and its projects, so it can
/// be pointed at any demo edition. Idempotent: nothing is written twice.
/// </summary>
public class MentorDemoSeeder(AppDbContext db)
{
    public const string AwsMentorEmail = "mentor.aws@programa.example";
    public const string OsCityMentorEmail = "mentor.oscity@programa.example";
    public const string IdeationSessionTitle = "Ideación con especialistas de AWS: Tandil y Bariloche";

    /// <summary>Coordinators see only their editions: the demo coordinator coordinates the demo edition.</summary>
    public async Task AssignCoordinatorAsync(AppUser coordinator, ProgramEdition edition, CancellationToken ct = default)
    {
        if (!await db.CoordinatorEditions.AnyAsync(c => c.UserId == coordinator.Id && c.EditionId == edition.Id, ct))
        {
            db.CoordinatorEditions.Add(new CoordinatorEdition { UserId = coordinator.Id, EditionId = edition.Id });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <param name="projects">The edition's projects with municipality, stages, their definitions and deliverables loaded.</param>
    /// <param name="accounts">Demo accounts by e-mail (the two mentors and the teams).</param>
    public async Task SeedAsync(ProgramEdition edition, IReadOnlyList<Project> projects, IReadOnlyDictionary<string, AppUser> accounts, CancellationToken ct = default)
    {
        var organizations = await db.AllianceOrganizations.ToDictionaryAsync(o => o.Name, ct);
        var aws = accounts[AwsMentorEmail];
        var osCity = accounts[OsCityMentorEmail];
        aws.OrganizationId = organizations["AWS"].Id;
        osCity.OrganizationId = organizations["OS City"].Id;

        Project Of(string slug) => projects.Single(p => p.Municipality.Slug == slug);
        var assigned = await db.MentorAssignments.Where(a => a.Project.EditionId == edition.Id).Select(a => a.MentorId).ToListAsync(ct);
        var start = edition.StartsAtUtc;
        foreach (var (mentor, slugs, remark) in new[]
        {
            (aws, new[] { "tandil", "bariloche" }, "Buen recorte del problema. Para la etapa de prototipo, conviene medir desde el primer día cuántos trámites se inician y cuántos se completan en línea: con un tablero simple en la nube alcanza."),
            (osCity, new[] { "jesusmaria", "gualeguaychu" }, "Muy clara la evidencia. Les sugiero revisar cómo resolvieron la firma digital y la validación con QR otros municipios: reduce mucho las visitas presenciales."),
        })
        {
            if (assigned.Contains(mentor.Id))
            {
                continue;
            }

            foreach (var project in slugs.Select(Of))
            {
                db.MentorAssignments.Add(new MentorAssignment { ProjectId = project.Id, MentorId = mentor.Id, AssignedAtUtc = start.AddDays(7) });
                // A comment on the first stage the mentor may read (the approved challenge, in the demo).
                var visible = project.Stages.Where(s => s.Deliverable is not null && MentorReading.MaySee(s.State, s.StageDefinition.HasTeamForm, s.Deliverable.ReadyForFeedback))
                    .OrderBy(s => s.StageDefinition.Order).FirstOrDefault();
                if (visible is not null)
                {
                    visible.Deliverable!.Comments.Add(new Comment
                    {
                        AuthorId = mentor.Id,
                        BodyMarkdown = remark,
                        ByMentor = true,
                        CreatedAtUtc = (visible.SubmittedAtUtc ?? visible.StateChangedAtUtc).AddHours(20),
                    });
                }
            }
        }

        // Tandil shares the draft it is working on, so its mentor reads it before it is delivered.
        var tandilDraft = Of("tandil").Stages.FirstOrDefault(s => s.Deliverable is not null && StageWorkflow.IsEditableByTeam(s.State) && s.StageDefinition.HasTeamForm);
        if (tandilDraft is not null)
        {
            tandilDraft.Deliverable!.ReadyForFeedback = true;
        }

        await SeedIdeationSessionAsync(edition, Of("tandil"), Of("bariloche"), aws, organizations["AWS"], ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedIdeationSessionAsync(ProgramEdition edition, Project tandil, Project bariloche, AppUser specialist, AllianceOrganization aws, CancellationToken ct)
    {
        if (await db.CalendarSessions.AnyAsync(s => s.EditionId == edition.Id && s.Title == IdeationSessionTitle, ct))
        {
            return;
        }

        var ideation = await db.StageDefinitions.Where(d => d.EditionId == edition.Id && d.Role == StageRole.Ideation).Select(d => new { d.Id, d.DueAtUtc }).SingleOrDefaultAsync(ct);
        // A week before the ideation stage is due (10:00 Argentina time), or eight weeks into the edition.
        var day = (ideation?.DueAtUtc ?? edition.StartsAtUtc.AddDays(63)).AddDays(-7).Date.AddHours(13);
        var members = await db.ProjectMembers.Where(m => m.ProjectId == tandil.Id || m.ProjectId == bariloche.Id).Select(m => new { m.UserId, m.ProjectId }).ToListAsync(ct);
        var session = new CalendarSession
        {
            EditionId = edition.Id,
            Title = IdeationSessionTitle,
            Kind = SessionKind.Ideation,
            StartsAtUtc = day,
            EndsAtUtc = day.AddHours(2),
            Location = "Sala virtual de AWS",
            Description = "Dos horas de ideación con especialistas de AWS sobre servicios digitales en la nube. (Contenido de demostración.)",
            StageDefinitionId = ideation?.Id,
            LedByOrganizationId = aws.Id,
            CreatedAtUtc = day.AddDays(-14),
            UpdatedAtUtc = day.AddDays(-14),
            AttendanceRecordedAtUtc = day.AddHours(3),
        };
        session.Teams.Add(new SessionTeam { ProjectId = tandil.Id });
        session.Teams.Add(new SessionTeam { ProjectId = bariloche.Id });
        session.Specialists.Add(new SessionSpecialist { UserId = specialist.Id });
        session.Attendance.Add(new SessionAttendance { UserId = specialist.Id });
        foreach (var member in members.DistinctBy(m => m.UserId))
        {
            session.Attendance.Add(new SessionAttendance { UserId = member.UserId, ProjectId = member.ProjectId });
        }

        db.CalendarSessions.Add(session);
    }
}
