using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>
/// A late submission marked with its days of delay on the review queue, the review page and the
/// stage page. Arranged on its own database: Jesús María's stage 4 (due five days before the demo
/// day) handed in one day ago, four days late.
/// </summary>
public class LateSubmissionDisplayTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string LateSubmission = "entregada con 4 días de atraso";

    private async Task<int> ArrangeLateSubmissionAsync()
    {
        var project = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.ProjectId == project && s.StageDefinition.Key == "validacion");
            db.ForceState(stage, StageState.Submitted);
            db.ForceSubmittedAt(stage, factory.Time.GetUtcNow().UtcDateTime.AddDays(-1));
            await db.SaveChangesAsync();
        });
        return project;
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task ReviewQueueDashboardAndStagePages_MarkTheLateSubmission_AndTheReviewHeaderCountsSubmissionsNotRevisions()
    {
        var project = await ArrangeLateSubmissionAsync();
        using var coordinator = await SignedInAsync("coordinacion@programa.example");

        var queue = await coordinator.GetPageAsync("/revision");
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Jesús María", StringComparison.Ordinal));
        Assert.Contains(LateSubmission, row.TextContent, StringComparison.Ordinal);

        var dashboard = await coordinator.GetPageAsync("/coordinacion");
        var queued = dashboard.QuerySelectorAll("ol.review-queue li").Single(li => li.TextContent.Contains("Jesús María", StringComparison.Ordinal));
        Assert.Contains("con 4 días de atraso", queued.TextContent, StringComparison.Ordinal);

        var review = await coordinator.GetPageAsync($"/proyectos/{project}/etapas/validacion/revision");
        Assert.Contains(LateSubmission, review.QuerySelector(".state-badge")!.ParentElement!.TextContent, StringComparison.Ordinal);
        // The demo saved a draft (revision 1) before the first submission (revision 2): it is "Entrega 1".
        var header = review.QuerySelector("h1 + p")!.TextContent.Trim();
        Assert.StartsWith("Entrega 1 (versión 2) de ", header, StringComparison.Ordinal);

        using var team = await SignedInAsync("jesusmaria@programa.example");
        var stage = await team.GetPageAsync($"/proyectos/{project}/etapas/validacion");
        Assert.Contains(LateSubmission, stage.QuerySelector(".state-badge")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }
}
