using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>
/// Overdue and late as every page shows them (StageDeadline): overdue only where the team can act,
/// a late submission marked with its days of delay. The demo at 15 November 2021: Gualeguaychú
/// handed in stage 1 (due 10 August) on 12 November, Jesús María's stage 4 has changes requested
/// since before its due date (21 September), and Gualeguaychú's later stages are locked.
/// </summary>
public class StageDeadlineDisplayTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string LateSubmission = "entregada con 94 días de atraso";

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task TeamHome_LockedStagesAreNeverOverdue_AndALateSubmissionIsMarkedLate()
    {
        using var team = await SignedInAsync("gualeguaychu@programa.example");

        var rows = (await team.GetPageAsync("/")).QuerySelectorAll("ol.stage-list > li").ToList();

        Assert.Contains(LateSubmission, rows[0].TextContent, StringComparison.Ordinal);
        Assert.All(rows.Skip(1), row =>
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
        Assert.Contains("vencida hace 55 días", row.QuerySelector(".overdue")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_OverdueListHasOnlyStagesTheTeamCanActOn_AndTheQueueMarksLateSubmissions()
    {
        using var coordinator = await SignedInAsync("coordinacion@programa.example");

        var page = await coordinator.GetPageAsync("/coordinacion");

        var overdue = page.QuerySelectorAll("ul.overdue-list li").Select(li => li.QuerySelector("a")!.TextContent.Trim()).ToList();
        Assert.Equal(2, overdue.Count);
        Assert.Contains(overdue, o => o.Contains("Jesús María", StringComparison.Ordinal) && o.Contains("Validación territorial", StringComparison.Ordinal));
        Assert.Contains(overdue, o => o.Contains("Bahía Blanca", StringComparison.Ordinal) && o.Contains("Prueba en territorio", StringComparison.Ordinal));
        Assert.Contains("Etapas vencidas (2)", page.QuerySelector("#vencidas")!.TextContent, StringComparison.Ordinal);
        var queued = page.QuerySelectorAll("ol.review-queue li").Single(li => li.TextContent.Contains("Gualeguaychú", StringComparison.Ordinal));
        Assert.Contains("con 94 días de atraso", queued.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewQueueAndStagePages_MarkTheLateSubmission_AndTheReviewHeaderCountsSubmissionsNotRevisions()
    {
        var project = await StageForms.ProjectIdAsync(factory, "gualeguaychu");
        using var coordinator = await SignedInAsync("coordinacion@programa.example");

        var queue = await coordinator.GetPageAsync("/revision");
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Gualeguaychú", StringComparison.Ordinal));
        Assert.Contains(LateSubmission, row.TextContent, StringComparison.Ordinal);

        var review = await coordinator.GetPageAsync($"/proyectos/{project}/etapas/desafio/revision");
        Assert.Contains(LateSubmission, review.QuerySelector(".state-badge")!.ParentElement!.TextContent, StringComparison.Ordinal);
        // The demo saved a draft (revision 1) before the first submission (revision 2): it is "Entrega 1".
        var header = review.QuerySelector("h1 + p")!.TextContent.Trim();
        Assert.StartsWith("Entrega 1 (versión 2) de ", header, StringComparison.Ordinal);

        using var team = await SignedInAsync("gualeguaychu@programa.example");
        var stage = await team.GetPageAsync($"/proyectos/{project}/etapas/desafio");
        Assert.Contains(LateSubmission, stage.QuerySelector(".state-badge")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ASubmissionOfToday_WaitsSinceToday()
    {
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "bariloche" && s.State == StageState.Submitted);
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
