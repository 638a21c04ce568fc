using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Panel;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Administration;

/// <summary>Features find their stage by role: a methodology that renames and re-keys its stages keeps its panel and library.</summary>
public class StageRoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Coordinator = "coordinacion@programa.example";

    private Task RekeyAsync(StageRole role, string key, string name) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.StageDefinitions.SingleAsync(s => s.Role == role && s.Edition.Name == DemoSeeder.CurrentEditionName);
            stage.Key = key;
            stage.Name = name;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task ARekeyedFinalProjectStage_WithTheFinalProjectRole_StillOpensThePanelAndFeedsTheLibrary()
    {
        await RekeyAsync(StageRole.FinalProject, "propuesta-final", "Propuesta final");
        await RekeyAsync(StageRole.ExpertPanel, "devolucion-expertos", "Devolución de especialistas");
        var project = await factory.ProjectIdAsync("jesusmaria");
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.ProjectId == project && s.StageDefinition.Key == "propuesta-final");
            var author = await db.Users.Where(u => u.Email == "jesusmaria@programa.example").Select(u => u.Id).SingleAsync();
            var content = "{\"resumen\":\"Ventanilla municipal de habilitaciones con turnos y seguimiento en línea.\",\"escalabilidad\":\"Replicable en ciudades pequeñas.\"}";
            var submittedAt = factory.Time.GetUtcNow().UtcDateTime;
            db.ForceState(stage, StageState.Submitted);
            db.ForceSubmittedAt(stage, submittedAt);
            stage.Deliverable = new Deliverable { ContentJson = content, Version = 1, UpdatedAtUtc = submittedAt, Revisions = { new DeliverableRevision { Number = 1, Kind = RevisionKind.Submission, ContentJson = content, AuthorId = author, CreatedAtUtc = submittedAt } } };
            await db.SaveChangesAsync();
        });

        // The coordinator approves it on the review page, as always.
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync(Coordinator);
        var url = $"/proyectos/{project}/etapas/propuesta-final";
        var review = await coordinator.GetPageAsync(url + "/revision");
        var approved = await StageForms.PostAsync(coordinator, review, url + "/revision/aprobar", null, "#form-aprobar");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        // The panel stage (found by its role, whatever its key) opened, and the coordination sees the project in the panel.
        Assert.Equal(StageState.Available, await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == project && s.StageDefinition.Key == "devolucion-expertos").Select(s => s.State).SingleAsync()));
        var overview = await coordinator.GetPageAsync("/coordinacion/panel");
        Assert.Contains("Jesús María", overview.Body!.TextContent, StringComparison.Ordinal);

        // An assigned expert reads the re-keyed final project first, open.
        var expert = await factory.NewExpertAsync("Rita Roles");
        await factory.AssignAsync(project, expert.Id);
        using var expertClient = factory.CreatePortalClient();
        await expertClient.SignInAsync(expert.Email!);
        var panelPage = await expertClient.GetPageAsync($"/panel/proyectos/{project}");
        var first = panelPage.QuerySelector("details.deliverable-section")!;
        Assert.True(first.HasAttribute("open"));
        Assert.Contains("Propuesta final", first.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        var print = await expertClient.GetPageAsync($"/panel/proyectos/{project}/imprimir");
        Assert.Contains("Ventanilla municipal de habilitaciones", print.Body!.TextContent, StringComparison.Ordinal);

        // The library indexed it as a final project, published once the re-keyed panel stage closes.
        await factory.WithDbAsync(async db =>
        {
            db.ForceState(await db.ProjectStages.SingleAsync(s => s.ProjectId == project && s.StageDefinition.Key == "devolucion-expertos"), StageState.Approved);
            await db.SaveChangesAsync();
        });
        var library = await coordinator.GetPageAsync("/biblioteca?q=ventanilla+habilitaciones&origen=FinalProject");
        Assert.Contains("Ventanilla municipal de habilitaciones", library.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorChoosesARole_AndARoleAlreadyTakenIsRefusedWithASpanishMessage()
    {
        var (editionId, stageId) = await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.Role == StageRole.Prototype && s.Edition.Name == ReferenceData.FirstEditionName).Select(s => new ValueTuple<int, int>(s.EditionId, s.Id)).SingleAsync());
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var url = $"/admin/ediciones/{editionId}/etapas/{stageId}";
        var page = await admin.GetPageAsync(url);
        Assert.Equal("Prototype", page.QuerySelector("#Form_Role option[selected]")!.GetAttribute("value"));
        Assert.Equal("Prototipo", page.QuerySelector("#Form_Role option[selected]")!.TextContent.Trim());

        var taken = await admin.SubmitFormAsync(url, "form.stage-form", new Dictionary<string, string> { ["Form.Role"] = "CaseStudy" });
        var refused = await PortalClient.ParseAsync(taken);
        Assert.Contains("La función «Estudio de casos» ya la tiene la etapa «Estudio de casos»", refused.QuerySelector("#Form_Role-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StageRole.Prototype, await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.Id == stageId).Select(s => s.Role).SingleAsync()));

        var cleared = await admin.SubmitFormAsync(url, "form.stage-form", new Dictionary<string, string> { ["Form.Role"] = "", ["confirmado"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.Id == stageId).Select(s => s.Role).SingleAsync()));

        // A new stage takes the freed role.
        var added = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/etapas", "form.new-stage-form",
            new Dictionary<string, string> { ["NewStage.Name"] = "Maqueta", ["NewStage.Key"] = "maqueta", ["NewStage.Role"] = "Prototype" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(StageRole.Prototype, await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.EditionId == editionId && s.Key == "maqueta").Select(s => s.Role).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.EditionId == editionId && s.Key == "maqueta").Select(s => s.HasTeamForm).SingleAsync()));

        var list = await admin.GetPageAsync($"/admin/ediciones/{editionId}/etapas");
        Assert.Contains("Función: Prototipo", list.QuerySelector("a[href$='/etapas/" + await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.Key == "maqueta").Select(s => s.Id).SingleAsync()) + "']")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExpertPanelRole_MovedToANewStage_TakesTheTeamFormAway_AndTheOldStageBecomesAPlainOne()
    {
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var (editionId, panelStage) = await factory.WithDbAsync(async db =>
        {
            var stage = new StageDefinition { Order = 1, Key = "mesa", Name = "Mesa", Role = StageRole.ExpertPanel, HasTeamForm = false };
            var edition = new ProgramEdition { Name = "Edición que mueve la mesa", Theme = "Roles", StartsAtUtc = now, CreatedAtUtc = now, Stages = [stage] };
            db.Editions.Add(edition);
            await db.SaveChangesAsync();
            return (edition.Id, stage.Id);
        });
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var freed = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/etapas/{panelStage}", "form.stage-form", new Dictionary<string, string> { ["Form.Role"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, freed.StatusCode);
        var moved = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/etapas", "form.new-stage-form",
            new Dictionary<string, string> { ["NewStage.Name"] = "Devolución", ["NewStage.Key"] = "devolucion", ["NewStage.Role"] = "ExpertPanel" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var stages = await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.EditionId == editionId).ToDictionaryAsync(s => s.Key, s => new { s.Role, s.HasTeamForm }));
        Assert.Equal(StageRole.ExpertPanel, stages["devolucion"].Role);
        Assert.False(stages["devolucion"].HasTeamForm);
        Assert.Null(stages["mesa"].Role);
        Assert.True(stages["mesa"].HasTeamForm);
    }

    [Fact]
    public async Task StartUp_GivesEditionsWithoutRolesTheDefaultRoles_AndLeavesEditionsWithRolesAlone()
    {
        var now = factory.Time.GetUtcNow().UtcDateTime;
        ProgramEdition Edition(string name, params StageDefinition[] stages) =>
            new() { Name = name, Theme = "Roles", StartsAtUtc = now, CreatedAtUtc = now, Stages = stages.ToList() };
        StageDefinition Stage(int order, string key, StageRole? role = null) => new() { Order = order, Key = key, Name = key, Role = role };
        var (older, curated) = await factory.WithDbAsync(async db =>
        {
            // As an older database holds it: the column is there, no stage has a role.
            var older = Edition("Edición anterior a las funciones", Stage(1, "casos"), Stage(2, "proyecto-final"), Stage(3, "mesa-expertos"), Stage(4, "propia"));
            // An administrator already chose roles here, and left "casos" without one on purpose.
            var curated = Edition("Edición con funciones elegidas", Stage(1, "casos"), Stage(2, "propuesta", StageRole.FinalProject));
            db.Editions.AddRange(older, curated);
            await db.SaveChangesAsync();
            return (older.Id, curated.Id);
        });

        await SeedAsync();
        await SeedAsync(); // idempotent

        var roles = await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.EditionId == older || s.EditionId == curated)
            .ToDictionaryAsync(s => $"{(s.EditionId == older ? "older" : "curated")}/{s.Key}", s => s.Role));
        Assert.Equal(StageRole.CaseStudy, roles["older/casos"]);
        Assert.Equal(StageRole.FinalProject, roles["older/proyecto-final"]);
        Assert.Equal(StageRole.ExpertPanel, roles["older/mesa-expertos"]);
        Assert.Null(roles["older/propia"]);
        Assert.Null(roles["curated/casos"]);
        Assert.Equal(StageRole.FinalProject, roles["curated/propuesta"]);
    }

    private async Task SeedAsync()
    {
        await using var scope = factory.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProgramSeeder>().SeedReferenceDataAsync();
    }
}
