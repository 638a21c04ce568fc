using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

/// <summary>The dashboard's progress over time comes from the stage events, not from today's states.</summary>
public class ProgressHistoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<List<(string Week, string Approved, string Standing)>> ChartRowsAsync(PortalClient client) =>
        (await client.GetPageAsync("/coordinacion")).QuerySelectorAll("table.chart-data tbody tr")
            .Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList())
            .Select(c => (c[0], c[1], c[2])).ToList();

    [Fact]
    public async Task AStageApprovedThenReopened_StillCountsForTheWeeksItWasApproved()
    {
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var before = await ChartRowsAsync(coordinator);

        // The coordination reopens Tandil's first stage, approved weeks ago, today.
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "tandil" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "desafio");
            var coordinatorId = await db.Users.Where(u => u.Email == "coordinacion@programa.example").Select(u => u.Id).SingleAsync();
            Assert.True(stage.Apply(StageAction.Reopen, WorkflowActor.Coordinator, coordinatorId, factory.Time.GetUtcNow().UtcDateTime, "Actualizar la evidencia.").Allowed);
            await db.SaveChangesAsync();
        });
        var after = await ChartRowsAsync(coordinator);

        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before.SkipLast(1), after.SkipLast(1));
        Assert.Equal(before[^1].Approved, after[^1].Approved);
        Assert.Equal(int.Parse(before[^1].Standing, System.Globalization.CultureInfo.InvariantCulture) - 1, int.Parse(after[^1].Standing, System.Globalization.CultureInfo.InvariantCulture));
    }
}
