using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

public sealed record DemoAccount(string Email, string DisplayName, string Role, string? MunicipalitySlug = null);

/// <summary>
/// Demo accounts and demo progress for the first edition (Development or --seed-demo).
/// Idempotent: accounts are matched by e-mail and progress is only written to untouched projects.
/// </summary>
public class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    /// <summary>The one demo password; README states it and start-up prints it.</summary>
    public const string DemoPassword = "Innovacion-2021";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin@programa.example", "Administración de la plataforma", Roles.Administrator),
        new("coordinacion@programa.example", "Coordinación RIL", Roles.Coordinator),
        new("tandil@programa.example", "Equipo Tandil", Roles.MunicipalTeam, "tandil"),
        new("bariloche@programa.example", "Equipo Bariloche", Roles.MunicipalTeam, "bariloche"),
        new("jesusmaria@programa.example", "Equipo Jesús María", Roles.MunicipalTeam, "jesusmaria"),
        new("bahiablanca@programa.example", "Equipo Bahía Blanca", Roles.MunicipalTeam, "bahiablanca"),
        new("gualeguaychu@programa.example", "Equipo Gualeguaychú", Roles.MunicipalTeam, "gualeguaychu"),
        new("experta1@programa.example", "Ana Gómez", Roles.Expert),
        new("experto2@programa.example", "Carlos Ruiz", Roles.Expert),
        new(MentorDemoSeeder.AwsMentorEmail, "Lucía Fernández", Roles.Mentor),
        new(MentorDemoSeeder.OsCityMentorEmail, "Martín Sosa", Roles.Mentor),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var edition = await db.Editions.SingleAsync(e => e.Name == ReferenceData.FirstEditionName, ct);
        var projects = await db.Projects
            .Where(p => p.EditionId == edition.Id)
            .Include(p => p.Municipality)
            .Include(p => p.Stages).ThenInclude(s => s.StageDefinition)
            .Include(p => p.Stages).ThenInclude(s => s.Deliverable)
            .ToListAsync(ct);

        var accounts = new Dictionary<string, AppUser>();
        foreach (var account in Accounts)
        {
            accounts[account.Email] = await EnsureUserAsync(account);
        }

        var memberships = await db.ProjectMembers.Select(m => new { m.ProjectId, m.UserId }).ToListAsync(ct);
        foreach (var account in Accounts.Where(a => a.MunicipalitySlug is not null))
        {
            var project = projects.Single(p => p.Municipality.Slug == account.MunicipalitySlug);
            var user = accounts[account.Email];
            if (!memberships.Any(m => m.ProjectId == project.Id && m.UserId == user.Id))
            {
                db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = user.Id, JoinedAtUtc = edition.StartsAtUtc });
            }
        }

        var coordinator = accounts["coordinacion@programa.example"];
        foreach (var challenge in DemoContent.Challenges)
        {
            var project = projects.Single(p => p.Municipality.Slug == challenge.Slug);
            var team = accounts[Accounts.Single(a => a.MunicipalitySlug == challenge.Slug).Email];
            if (!project.Stages.Any(s => s.Deliverable is not null))
            {
                WriteProgress(project, challenge, team, coordinator);
            }
        }

        await db.SaveChangesAsync(ct);
        await new PanelDemoSeeder(db, time).SeedAsync(ct);
        await new KnowledgeSeeder(db, time).SeedDemoAsync(accounts, ct);
        var mentors = new MentorDemoSeeder(db);
        await mentors.AssignCoordinatorAsync(coordinator, edition, ct);
        await mentors.SeedAsync(edition, projects, accounts, ct);
    }

    private async Task<AppUser> EnsureUserAsync(DemoAccount account)
    {
        var user = await users.FindByEmailAsync(account.Email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            ProgramSeeder.EnsureSucceeded(await users.CreateAsync(user, DemoPassword), $"la cuenta {account.Email}");
        }

        if (!await users.IsInRoleAsync(user, account.Role))
        {
            ProgramSeeder.EnsureSucceeded(await users.AddToRoleAsync(user, account.Role), $"el rol de {account.Email}");
        }

        return user;
    }

    private void WriteProgress(Project project, DemoChallenge challenge, AppUser team, AppUser coordinator)
    {
        project.IsDemo = true;
        project.Title = challenge.Title;
        var stages = project.Stages.OrderBy(s => s.StageDefinition.Order).ToList();
        var start = project.Edition?.StartsAtUtc ?? ReferenceData.FirstEditionStartUtc;

        for (var i = 0; i < challenge.ApprovedStages; i++)
        {
            var stage = stages[i];
            var approvedAt = start.AddDays(14 * (i + 1) - 1);
            var submittedAt = approvedAt.AddDays(-3);
            var content = DemoContent.For(stage.StageDefinition.Key, challenge);
            Submit(stage, content, team, submittedAt);
            Transition(stage, StageAction.Approve, coordinator, approvedAt, null);
            Transition(stages[i + 1], StageAction.Open, null, approvedAt, null);
        }

        // The stage in flight is dated a few days before seeding so the demo shows "waiting 3 days".
        var now = time.GetUtcNow().UtcDateTime;
        var current = stages[challenge.ApprovedStages];
        var currentContent = DemoContent.For(current.StageDefinition.Key, challenge);
        switch (challenge.CurrentState)
        {
            case StageState.InProgress:
                SaveDraft(current, currentContent, team, now.AddDays(-2));
                break;
            case StageState.Submitted:
                Submit(current, currentContent, team, now.AddDays(-3));
                break;
            case StageState.ChangesRequested:
                Submit(current, currentContent, team, now.AddDays(-6));
                Transition(current, StageAction.RequestChanges, coordinator, now.AddDays(-4), challenge.ChangeRequest);
                current.Deliverable!.Comments.Add(new Comment { Author = coordinator, AuthorId = coordinator.Id, BodyMarkdown = challenge.ChangeRequest!, CreatedAtUtc = now.AddDays(-4) });
                break;
            default:
                break;
        }
    }

    private static void SaveDraft(ProjectStage stage, JsonObject content, AppUser author, DateTime at)
    {
        AddRevision(stage, content, author, at, RevisionKind.Draft);
        Transition(stage, StageAction.SaveDraft, author, at, null);
    }

    private static void Submit(ProjectStage stage, JsonObject content, AppUser author, DateTime at)
    {
        SaveDraft(stage, content, author, at.AddDays(-1));
        AddRevision(stage, content, author, at, RevisionKind.Submission);
        Transition(stage, StageAction.Submit, author, at, null);
    }

    private static void AddRevision(ProjectStage stage, JsonObject content, AppUser author, DateTime at, RevisionKind kind)
    {
        stage.Deliverable ??= new Deliverable();
        var deliverable = stage.Deliverable;
        var json = DeliverableContent.Serialize(content);
        deliverable.ContentJson = json;
        deliverable.Version++;
        deliverable.UpdatedAtUtc = at;
        deliverable.UpdatedBy = author;
        deliverable.Revisions.Add(new DeliverableRevision
        {
            Number = deliverable.Revisions.Count + 1,
            Kind = kind,
            ContentJson = json,
            Author = author,
            AuthorId = author.Id,
            CreatedAtUtc = at,
        });
    }

    private static void Transition(ProjectStage stage, StageAction action, AppUser? actor, DateTime at, string? comment)
    {
        var who = actor is null ? WorkflowActor.System : action is StageAction.Approve or StageAction.RequestChanges ? WorkflowActor.Coordinator : WorkflowActor.Team;
        var result = stage.Apply(action, who, actor?.Id, at, comment);
        if (!result.Allowed)
        {
            throw new InvalidOperationException($"Semilla de demostración inválida: {result.Error}");
        }
    }
}
