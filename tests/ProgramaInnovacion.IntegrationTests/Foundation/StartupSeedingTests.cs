using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>A portal whose demo seed fails at its last write (the showcase publications of the 2021 edition).</summary>
public sealed class FailingDemoSeedPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(new FailingInsert("ShowcasePublications")));
    }

    private sealed class FailingInsert(string table) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Inserts(command) ? throw new InvalidOperationException("Falla simulada del seed.") : result;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Inserts(command) ? throw new InvalidOperationException("Falla simulada del seed.") : ValueTask.FromResult(result);

        private bool Inserts(DbCommand command) => command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal);
    }
}

/// <summary>
/// The start-up seed (reference data and demo) commits as one (issue 14: cold start): a start that
/// fails halfway leaves nothing a later start would take for a complete demo.
/// </summary>
public class StartupSeedingTests
{
    [Fact]
    public async Task ADemoSeedThatFailsAtItsLastWrite_LeavesNoDemoAccountNorEdition_ButTheMigrationsApplied()
    {
        await using var portal = new FailingDemoSeedPortalFactory();

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server).GetBaseException();

        Assert.Equal("Falla simulada del seed.", failure.Message);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(portal.Database.Provider, portal.Database.ConnectionString);
        await using var db = new AppDbContext(options.Options);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email == DemoSeeder.CoordinatorEmail));
        Assert.Empty(await db.Editions.Select(e => e.Name).ToListAsync());
        Assert.Empty(await db.Municipalities.Select(m => m.Slug).ToListAsync());
        Assert.Empty(await db.Roles.Select(r => r.Name).ToListAsync());
    }
}
