using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>Own database: these tests delete and rename seeded sessions.</summary>
public class SessionSeedingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task SeedAgainAsync()
    {
        await using var scope = factory.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProgramSeeder>().SeedReferenceDataAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    [Fact]
    public async Task SessionsACoordinatorDeletedOrRenamed_DoNotComeBackAtTheNextStartUp()
    {
        const string AwsSession = "Sesión de ideación con especialistas de AWS";
        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.CalendarSessions.CountAsync(s => s.Title == KnowledgeSeeder.KickOffTitle));
            await db.CalendarSessions.Where(s => s.Title == KnowledgeSeeder.KickOffTitle).ExecuteDeleteAsync();
            await db.CalendarSessions.Where(s => s.Title == AwsSession).ExecuteUpdateAsync(u => u.SetProperty(s => s.Title, "Ideación con AWS (reprogramada)"));
        });
        var before = await factory.CountAsync<Core.Domain.CalendarSession>();

        await SeedAgainAsync();

        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.CalendarSessions.AnyAsync(s => s.Title == KnowledgeSeeder.KickOffTitle));
            Assert.False(await db.CalendarSessions.AnyAsync(s => s.Title == AwsSession));
            Assert.True(await db.CalendarSessions.AnyAsync(s => s.Title == "Ideación con AWS (reprogramada)"));
        });
        Assert.Equal(before, await factory.CountAsync<Core.Domain.CalendarSession>());
    }
}
