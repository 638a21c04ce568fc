using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>
/// Overdue and late as every page shows them (StageDeadline): overdue only where the team can act,
/// a late submission marked with its days of delay. The demo edition in course, seeded on the
/// fake clock's day: Jesús María's stage 4 has changes requested and was due five days ago,
/// Gualeguaychú works on stage 5, due in two days, with its later stages locked.
/// </summary>
public class StageDeadlineDisplayTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task TeamHome_LockedStagesAreNeverOverdue_AndTheStageInProgressSaysWhenItIsDue()
    {
        using var team = await SignedInAsync("gualeguaychu@programa.example");

        var rows = (await team.GetPageAsync("/")).QuerySelectorAll("ol.stage-list > li").ToList();

        // Approved on time, an approved stage keeps no due date to show.
        Assert.All(rows.Take(4), row =>
        {
            Assert.Contains("Aprobada", row.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Vence el", row.TextContent, StringComparison.Ordinal);
        });
        Assert.Contains("vence en 2 días", rows[4].TextContent, StringComparison.Ordinal);
        Assert.Null(rows[4].QuerySelector(".overdue"));
        Assert.All(rows.Skip(5), row =>
        {
            Assert.Contains("Bloqueada", row.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("vencida", row.TextContent, StringComparison.Ordinal);
            Assert.Null(row.QuerySelector(".overdue"));
        });
    }

    [Fact]
    public async Task TeamHome_AStageSentBackPastItsDueDate_IsOverdue()
    {
        using var team = await SignedInAsync("jesusmaria@programa.example");

        var row = (await team.GetPageAsync("/")).QuerySelectorAll("ol.stage-list > li")[3];

        Assert.Contains("Cambios solicitados", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("vencida hace 5 días", row.QuerySelector(".overdue")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OverdueListHasOnlyStagesTheTeamCanActOn()
    {
        using var coordinator = await SignedInAsync("coordinacion@programa.example");

        var page = await coordinator.GetPageAsync("/coordinacion");

        // Bariloche's submitted stage, Tandil's panel (no team form) and locked stages are never overdue.
        var overdue = page.QuerySelectorAll("ul.overdue-list li").Select(li => li.QuerySelector("a")!.TextContent.Trim()).ToList();
        var only = Assert.Single(overdue);
        Assert.Contains("Jesús María", only, StringComparison.Ordinal);
        Assert.Contains("Validación territorial", only, StringComparison.Ordinal);
        Assert.Contains("Etapas vencidas (1)", page.QuerySelector("#vencidas")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("vencida hace 5 días", page.QuerySelector("ul.overdue-list li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ASubmissionOfToday_WaitsSinceToday()
    {
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "bariloche" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.State == StageState.Submitted);
            db.ForceSubmittedAt(stage, factory.Time.GetUtcNow().UtcDateTime.AddHours(-1));
            await db.SaveChangesAsync();
        });
        using var coordinator = await SignedInAsync("coordinacion@programa.example");

        var page = await coordinator.GetPageAsync("/coordinacion");

        var queued = page.QuerySelectorAll("ol.review-queue li").Single(li => li.TextContent.Contains("Bariloche", StringComparison.Ordinal));
        Assert.Contains("espera desde hoy", queued.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("hace 0 días", queued.TextContent, StringComparison.Ordinal);
    }
}
