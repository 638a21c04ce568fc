using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.IntegrationTests.Stages;

public class DeliverableDraftsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(int StageId, string UserId)> StageOfAsync(string slug, string key) =>
        await factory.WithDbAsync(async db =>
        {
            var stageId = await db.ProjectStages.Where(s => s.Project.Municipality.Slug == slug && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == key).Select(s => s.Id).SingleAsync();
            var userId = await db.ProjectMembers.Where(m => m.Project.Municipality.Slug == slug && m.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(m => m.UserId).FirstAsync();
            return (stageId, userId);
        });

    private async Task<DraftSaveResult> SaveAsync(int stageId, string userId, string title, int? expectedVersion)
    {
        await using var scope = factory.CreateScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DeliverableDrafts>();
        return await drafts.SaveAsync(stageId, new JsonObject { ["titulo"] = title }, userId, expectedVersion);
    }

    [Fact]
    public async Task Save_WritesAnImmutableRevision_AndMovesTheStageToInProgress()
    {
        var (stageId, userId) = await StageOfAsync("tandil", "mesa-expertos");
        var first = await SaveAsync(stageId, userId, "Primera versión", expectedVersion: 0);
        var second = await SaveAsync(stageId, userId, "Segunda versión", expectedVersion: first.Version);

        Assert.Equal(DraftSaveStatus.Saved, second.Status);
        Assert.Equal(2, second.RevisionNumber);
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Include(s => s.Deliverable!).ThenInclude(d => d.Revisions).SingleAsync(s => s.Id == stageId);
            Assert.Equal(StageState.InProgress, stage.State);
            Assert.Equal(["Primera versión", "Segunda versión"], stage.Deliverable!.Revisions.OrderBy(r => r.Number).Select(r => JsonNode.Parse(r.ContentJson)!["titulo"]!.GetValue<string>()));
            Assert.Equal(1, await db.StageEvents.CountAsync(e => e.ProjectStageId == stageId && e.Action == StageAction.SaveDraft));
        });
    }

    [Fact]
    public async Task Save_FromAStaleVersion_IsAConflict_AndKeepsTheOtherPersonsContent()
    {
        var (stageId, userId) = await StageOfAsync("bahiablanca", "prueba");
        var version = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == stageId).Select(d => d.Version).SingleAsync());

        var mine = await SaveAsync(stageId, userId, "Lo que guardé yo", version);
        var theirs = await SaveAsync(stageId, userId, "Lo que guardó mi compañera", version);

        Assert.Equal(DraftSaveStatus.Saved, mine.Status);
        Assert.Equal(DraftSaveStatus.Conflict, theirs.Status);
        Assert.Contains("Lo que guardé yo", theirs.CurrentContentJson, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == stageId).Select(d => d.ContentJson).SingleAsync());
        Assert.Contains("Lo que guardé yo", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_LoadsTheStageOnce_ThenWritesTheRevisionAndTheTransition()
    {
        var (stageId, userId) = await StageOfAsync("jesusmaria", "validacion");
        var draft = await SaveAsync(stageId, userId, "Borrador previo", expectedVersion: null);
        await using var scope = factory.CreateScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DeliverableDrafts>();

        DraftSaveResult? result = null;
        var commands = await factory.SqlCounter.RecordAsync(async () =>
            result = await drafts.SaveAsync(stageId, new JsonObject { ["titulo"] = "Entrega" }, userId, expectedVersion: null, RevisionKind.Submission));

        Assert.Equal(DraftSaveStatus.Saved, result!.Status);
        Assert.Equal(draft.RevisionNumber + 1, result.RevisionNumber);
        Assert.Single(commands, c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(StageState.Submitted, (await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.Id == stageId).Select(s => new { s.State }).SingleAsync())).State);
    }

    [Fact]
    public async Task Approve_OpensTheNextStage_AndRecordsBothEvents()
    {
        var (stageId, _) = await StageOfAsync("bariloche", "prototipo");
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var transitions = scope.ServiceProvider.GetRequiredService<StageTransitions>();
            var stage = await db.ProjectStages.SingleAsync(s => s.Id == stageId);
            var result = await transitions.ApplyAsync(stage, StageAction.Approve, WorkflowActor.Coordinator, null);
            Assert.True(result.Allowed);
            await db.SaveChangesAsync();
        }

        await factory.WithDbAsync(async db =>
        {
            var states = await db.ProjectStages.Where(s => s.Project.Municipality.Slug == "bariloche" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Order >= 6 && s.StageDefinition.Order <= 8)
                .OrderBy(s => s.StageDefinition.Order).Select(s => s.State).ToListAsync();
            Assert.Equal([StageState.Approved, StageState.Available, StageState.Locked], states);
        });
    }
}
