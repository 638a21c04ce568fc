using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>
/// The migration that moved the library onto the database's own engine indexes the cases a database
/// already holds (its own class: it migrates the fixture's database down and up again).
/// </summary>
public class CaseSearchMigrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task MigratingAnExistingLibrary_IndexesEveryCaseItHolds()
    {
        await factory.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var engine = migrations.FindIndex(m => m.EndsWith("_CaseSearchEngine", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[engine - 1]);
            var cases = await db.CaseEntries.CountAsync();

            await migrator.MigrateAsync();

            Assert.True(cases >= 18, "the demo's library is there before the migration");
            Assert.Equal(cases, await SearchIndexRows.CountAsync(db));
        });

        using var team = factory.CreatePortalClient();
        await team.SignInAsync("bariloche@programa.example");
        var page = await team.GetPageAsync("/biblioteca?q=gestion");
        Assert.NotEmpty(page.QuerySelectorAll(".case-results h3"));
    }
}
