using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>
/// Two coordinators deciding on the same stage at once: the stage's version token lets only the
/// first decision through; the second reads the Spanish conflict message and leaves nothing behind.
/// </summary>
public class ReviewConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Coordinator = "coordinacion@programa.example";

    private Task<(int ProjectId, string Key, int StageId, int Order)> SubmittedStageAsync(string slug, int order) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Include(s => s.StageDefinition).SingleAsync(s => s.Project.Municipality.Slug == slug && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Order == order);
            db.ForceState(stage, StageState.Submitted);
            await db.SaveChangesAsync();
            return (stage.ProjectId, stage.StageDefinition.Key, stage.Id, order);
        });

    private async Task<ClaimsPrincipal> CoordinatorAsync()
    {
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Coordinator).Select(u => u.Id).SingleAsync());
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, Coordinator)], "prueba"));
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>What the database holds for the stage and the one after it.</summary>
    private Task<(StageState State, StageState Next, List<StageAction> Events, List<string> Audit, int Comments)> StoredAsync(int projectId, int stageId, int order) =>
        factory.WithDbAsync(async db => (
            await db.ProjectStages.Where(s => s.Id == stageId).Select(s => s.State).SingleAsync(),
            await db.ProjectStages.Where(s => s.ProjectId == projectId && s.StageDefinition.Order == order + 1).Select(s => s.State).SingleAsync(),
            await db.StageEvents.Where(e => e.ProjectStageId == stageId && e.FromState == StageState.Submitted).Select(e => e.Action).ToListAsync(),
            await db.AuditEntries.Where(a => a.EntityType == nameof(ProjectStage) && a.EntityId == stageId.ToString()).Select(a => a.Action).ToListAsync(),
            await db.Comments.CountAsync(c => c.Deliverable.ProjectStageId == stageId)));

    private async Task<WorkflowResult> CoordinateAsync(AsyncServiceScope scope, int projectId, string key, StageAction action, string? comment)
    {
        var stage = (await scope.ServiceProvider.GetRequiredService<StageQueries>().GetStageAsync(projectId, key))!;
        return await scope.ServiceProvider.GetRequiredService<StageCommands>().CoordinateAsync(stage, action, comment, await CoordinatorAsync());
    }

    [Fact]
    public async Task RequestChangesAndApproveAtOnce_TheApprovalGetsTheConflictMessage_AndLeavesNothingBehind()
    {
        var (projectId, key, stageId, order) = await SubmittedStageAsync("bariloche", 6);
        await using var first = factory.CreateScope();
        await using var second = factory.CreateScope();
        // Both coordinators have read the stage (Entregada) before either decides.
        await first.ServiceProvider.GetRequiredService<AppDbContext>().ProjectStages.SingleAsync(s => s.Id == stageId);
        await second.ServiceProvider.GetRequiredService<AppDbContext>().ProjectStages.SingleAsync(s => s.Id == stageId);

        var changes = await CoordinateAsync(first, projectId, key, StageAction.RequestChanges, "Falta la evidencia del piloto.");
        var approval = await CoordinateAsync(second, projectId, key, StageAction.Approve, "Muy bien.");

        Assert.True(changes.Allowed);
        Assert.False(approval.Allowed);
        Assert.Equal(ConcurrencyConflict.Message, approval.Error);
        var stored = await StoredAsync(projectId, stageId, order);
        Assert.Equal(StageState.ChangesRequested, stored.State);
        Assert.Equal(StageState.Locked, stored.Next); // the approval did not open the next stage
        Assert.Equal([StageAction.RequestChanges], stored.Events);
        Assert.Equal([AuditActions.ChangesRequested], stored.Audit);
        Assert.Equal(1, stored.Comments); // the request's comment only, not the approval's
    }

    [Fact]
    public async Task Approve_WhileAnotherCoordinatorRequestsChanges_ShowsTheConflictMessage_AndOpensNothing()
    {
        var (projectId, key, stageId, order) = await SubmittedStageAsync("bahiablanca", 7);
        using var coordinator = await SignedInAsync(Coordinator);
        var url = $"/proyectos/{projectId}/etapas/{key}";
        var review = await coordinator.GetPageAsync(url + "/revision");
        // The other coordinator's decision lands after this request read the stage and before it saves.
        factory.Race.Arm<ProjectStage>(async () =>
        {
            await using var other = factory.CreateScope();
            Assert.True((await CoordinateAsync(other, projectId, key, StageAction.RequestChanges, "Sumen el costo por trámite.")).Allowed);
        });

        var response = await StageForms.PostAsync(coordinator, review, url + "/revision/aprobar", null, "#form-aprobar");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(ConcurrencyConflict.Message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync(projectId, stageId, order);
        Assert.Equal(StageState.ChangesRequested, stored.State);
        Assert.Equal(StageState.Locked, stored.Next);
        Assert.Equal([StageAction.RequestChanges], stored.Events);
        Assert.Equal([AuditActions.ChangesRequested], stored.Audit);
    }

    [Fact]
    public async Task Approve_FromAReviewPageReadBeforeANewSubmission_IsRefusedWithTheConflictMessage()
    {
        var (projectId, key, stageId, order) = await SubmittedStageAsync("gualeguaychu", 5);
        using var coordinator = await SignedInAsync(Coordinator);
        var url = $"/proyectos/{projectId}/etapas/{key}";
        var stale = await coordinator.GetPageAsync(url + "/revision");
        // Meanwhile another coordinator asks for changes and the team submits again: the page above
        // shows a submission that is no longer the one waiting for review.
        await using (var other = factory.CreateScope())
        {
            Assert.True((await CoordinateAsync(other, projectId, key, StageAction.RequestChanges, "Completen el diagnóstico.")).Allowed);
        }

        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Id == stageId);
            Assert.True(stage.Apply(StageAction.Submit, WorkflowActor.Team, null, factory.Time.GetUtcNow().UtcDateTime).Allowed);
            await db.SaveChangesAsync();
        });

        var response = await StageForms.PostAsync(coordinator, stale, url + "/revision/aprobar", null, "#form-aprobar");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(ConcurrencyConflict.Message, page.Body!.TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync(projectId, stageId, order);
        Assert.Equal(StageState.Submitted, stored.State);
        Assert.Equal(StageState.Locked, stored.Next);

        // The page it answers with is current: approving from it now works.
        var approved = await StageForms.PostAsync(coordinator, page, url + "/revision/aprobar", null, "#form-aprobar");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(StageState.Approved, (await StoredAsync(projectId, stageId, order)).State);
    }
}
