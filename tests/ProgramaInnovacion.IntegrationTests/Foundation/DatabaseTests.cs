using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

public class DatabaseTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Startup_OnEmptyDatabase_AppliesEveryMigrationOfTheConfiguredProvider()
    {
        await factory.WithDbAsync(async db =>
        {
            var expectedProvider = TestDatabase.ConfiguredProvider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
            Assert.Equal(expectedProvider, db.Database.ProviderName);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.NotEmpty(db.Database.GetMigrations());
        });
    }

    [Fact]
    public async Task Portal_RunsOnTheCompiledModelOfItsProvider()
    {
        await factory.WithDbAsync(db =>
        {
            // Issue 14 (start-up): the model comes generated from the provider's migrations project,
            // not built from the configurations at each start; tests/run.sh checks it matches them.
            var expected = $"ProgramaInnovacion.Migrations.{TestDatabase.ConfiguredProvider}.CompiledModel.AppDbContextModel";
            Assert.Equal(expected, db.Model.GetType().FullName);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task DemoSeed_HasTheFirstEditionWithTenStagesAndFiveProjects()
    {
        await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).Include(e => e.Projects).ThenInclude(p => p.Municipality).SingleAsync(e => e.Name == ReferenceData.FirstEditionName);
            Assert.Equal(ReferenceData.FirstEditionStartUtc, edition.StartsAtUtc);
            Assert.Equal(DateTimeKind.Utc, edition.StartsAtUtc.Kind);
            Assert.Equal(
                ["desafio", "actores", "socios", "validacion", "ideacion", "prototipo", "prueba", "casos", "proyecto-final", "mesa-expertos"],
                edition.Stages.OrderBy(s => s.Order).Select(s => s.Key));
            Assert.Equal(
                ["Bahía Blanca", "Bariloche", "Gualeguaychú", "Jesús María", "Tandil"],
                edition.Projects.Select(p => p.Municipality.Name).Order());
            Assert.Equal(4, await db.AllianceOrganizations.CountAsync());
            Assert.Equal(10, await db.ProjectStages.CountAsync(s => s.Project.Municipality.Slug == "tandil" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName));
        });
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothing()
    {
        async Task<int[]> Counts() => await factory.WithDbAsync(async db => new[]
        {
            await db.Editions.CountAsync(), await db.Municipalities.CountAsync(), await db.AllianceOrganizations.CountAsync(),
            await db.Projects.CountAsync(), await db.StageDefinitions.CountAsync(), await db.ProjectStages.CountAsync(),
            await db.Deliverables.CountAsync(), await db.DeliverableRevisions.CountAsync(), await db.StageEvents.CountAsync(),
            await db.Comments.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync(),
            await db.Roles.CountAsync(), await db.ProjectMembers.CountAsync(),
        });

        var before = await Counts();
        await using (var scope = factory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProgramSeeder>().SeedReferenceDataAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        Assert.Equal(before, await Counts());
        Assert.Equal(DemoSeeder.Accounts.Count, before[10]);
    }

    [Fact]
    public async Task DemoSeed_PutsTheFiveProjectsAtDifferentStages()
    {
        var current = await factory.WithDbAsync(db => db.Projects.Where(p => p.Edition.Name == DemoSeeder.CurrentEditionName)
            .Select(p => new
            {
                p.Municipality.Slug,
                Stage = p.Stages.Where(s => s.State != StageState.Approved).OrderBy(s => s.StageDefinition.Order).Select(s => new { s.StageDefinition.Key, s.State }).First(),
            })
            .ToDictionaryAsync(p => p.Slug, p => (p.Stage.Key, p.Stage.State)));

        Assert.Equal(("mesa-expertos", StageState.Available), current["tandil"]);
        Assert.Equal(("prototipo", StageState.Submitted), current["bariloche"]);
        Assert.Equal(("validacion", StageState.ChangesRequested), current["jesusmaria"]);
        Assert.Equal(("prueba", StageState.InProgress), current["bahiablanca"]);
        Assert.Equal(("ideacion", StageState.InProgress), current["gualeguaychu"]);
        Assert.Equal(5, current.Values.Select(v => v.Key).Distinct().Count());
    }

    [Fact]
    public async Task DemoAccounts_HaveTheirRoleAndTeam()
    {
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var account in DemoSeeder.Accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.Equal([account.Role], await users.GetRolesAsync(user));
            // A team is a member of its municipality's project in each demo edition: 2021 and the one in course.
            var teams = await db.ProjectMembers.Where(m => m.UserId == user.Id).OrderBy(m => m.Project.Edition.StartsAtUtc)
                .Select(m => new { m.Project.Municipality.Slug, Edition = m.Project.Edition.Name }).ToListAsync();
            Assert.Equal(account.MunicipalitySlug is null ? [] : [(account.MunicipalitySlug, ReferenceData.FirstEditionName), (account.MunicipalitySlug, DemoSeeder.CurrentEditionName)],
                teams.Select(t => (t.Slug, t.Edition)));
        }
    }
}
