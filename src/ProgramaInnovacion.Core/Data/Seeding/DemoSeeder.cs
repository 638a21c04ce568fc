using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

public sealed record DemoAccount(string Email, string DisplayName, string Role, string? MunicipalitySlug = null);

/// <summary>
/// The demo (Development or --seed-demo): its accounts, the five municipalities, the 2021 edition
/// closed with its whole history (ClosedEditionDemoSeeder) and an edition in course placed relative
/// to the day of seeding (CurrentEditionDemoSeeder), then the panel and knowledge demos.
/// Idempotent: accounts are matched by e-mail and each edition is written only when it is missing.
/// </summary>
public class DemoSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    /// <summary>The one demo password; README states it and start-up prints it.</summary>
    public const string DemoPassword = "Innovacion-2021";

    /// <summary>The demo edition in course (the 2021 one is ReferenceData.FirstEditionName).</summary>
    public const string CurrentEditionName = "Programa Intensivo de Innovación – edición de demostración en curso";

    public const string CoordinatorEmail = "coordinacion@programa.example";

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

    private string? _passwordHash;

    public static string TeamEmail(string municipalitySlug) => Accounts.Single(a => a.MunicipalitySlug == municipalitySlug).Email;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var accounts = new Dictionary<string, AppUser>();
        foreach (var account in Accounts)
        {
            accounts[account.Email] = await EnsureUserAsync(account);
        }

        var municipalities = await EnsureMunicipalitiesAsync(ct);
        await new ClosedEditionDemoSeeder(db, time).SeedAsync(accounts, municipalities, ct);
        await new PreProgramDemoSeeder(db).SeedAsync(await db.Editions.SingleAsync(e => e.Name == ReferenceData.FirstEditionName, ct), accounts[CoordinatorEmail], ct);
        await new CurrentEditionDemoSeeder(db, time).SeedAsync(accounts, municipalities, ct);
        await new PanelDemoSeeder(db, time).SeedAsync(ct);
        await new KnowledgeSeeder(db, time).SeedDemoAsync(accounts, ct);
        await SeedMentorsAsync(accounts, ct);
        await new ResultsDataStep(db).RunAsync(ct);
        var closed = await db.Editions.SingleAsync(e => e.Name == ReferenceData.FirstEditionName, ct);
        await new ResultsDemoSeeder(db).SeedAsync(closed.Id, accounts[CoordinatorEmail], ct);
    }

    /// <summary>The coordinator follows both demo editions; the mentors accompany the edition in course.</summary>
    private async Task SeedMentorsAsync(Dictionary<string, AppUser> accounts, CancellationToken ct)
    {
        var mentors = new MentorDemoSeeder(db);
        var coordinator = accounts["coordinacion@programa.example"];
        var editions = await db.Editions
            .Where(e => e.Name == CurrentEditionName || e.Name == ReferenceData.FirstEditionName)
            .ToListAsync(ct);
        foreach (var edition in editions)
        {
            await mentors.AssignCoordinatorAsync(coordinator, edition, ct);
        }

        var current = editions.Single(e => e.Name == CurrentEditionName);
        var projects = await db.Projects
            .Where(p => p.EditionId == current.Id)
            .Include(p => p.Municipality)
            .Include(p => p.Stages).ThenInclude(s => s.StageDefinition)
            .Include(p => p.Stages).ThenInclude(s => s.Deliverable)
            .ToListAsync(ct);
        await mentors.SeedAsync(current, projects, accounts, ct);
    }

    /// <summary>The five municipalities of the 2021 edition, in the program's order.</summary>
    private async Task<IReadOnlyList<Municipality>> EnsureMunicipalitiesAsync(CancellationToken ct)
    {
        var slugs = ReferenceData.Municipalities.Select(m => m.Slug).ToList();
        var existing = await db.Municipalities.Where(m => slugs.Contains(m.Slug)).ToListAsync(ct);
        foreach (var m in ReferenceData.Municipalities.Where(m => existing.All(e => e.Slug != m.Slug)))
        {
            var added = new Municipality { Name = m.Name, Province = m.Province, Slug = m.Slug, Category = m.Category, Population = m.Population };
            db.Municipalities.Add(added);
            existing.Add(added);
        }

        await db.SaveChangesAsync(ct);
        return existing.OrderBy(m => slugs.IndexOf(m.Slug)).ToList();
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
            // One hash for every demo account (issue 14: cold start): they share one published
            // password, and Identity's hash (PBKDF2, 100,000 rounds) per account was a second of CPU.
            user.PasswordHash = _passwordHash ??= users.PasswordHasher.HashPassword(user, DemoPassword);
            ProgramSeeder.EnsureSucceeded(await users.CreateAsync(user), $"la cuenta {account.Email}");
        }

        if (!await users.IsInRoleAsync(user, account.Role))
        {
            ProgramSeeder.EnsureSucceeded(await users.AddToRoleAsync(user, account.Role), $"el rol de {account.Email}");
        }

        return user;
    }
}
