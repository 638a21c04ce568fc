using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

public class CaseLibraryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Adds case-study rows straight into the index, attached to Tandil's approved case study.</summary>
    private Task AddCasesAsync(params (string City, string Description, string Lessons)[] rows) =>
        factory.WithDbAsync(async db =>
        {
            var source = await db.ProjectStages.Where(s => s.Project.Municipality.Slug == "tandil" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "casos")
                .Select(s => new { s.Id, s.Project.EditionId }).SingleAsync();
            var content = new JsonObject { ["casos"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject { ["ciudad"] = r.City, ["pais"] = "Argentina", ["descripcion"] = r.Description, ["lecciones"] = r.Lessons }).ToArray()) };
            var entries = CaseDocuments.Build(new ApprovedStageSource(source.Id, StageRole.CaseStudy, source.EditionId, "Tandil", MunicipalityCategory.Intermediate, null, DeliverableContent.Serialize(content)), DateTime.UtcNow);
            foreach (var entry in entries)
            {
                entry.RowIndex += 1000 + await db.CaseEntries.CountAsync();
            }

            db.CaseEntries.AddRange(entries);
            await db.SaveChangesAsync();
        });

    /// <summary>Closes a project's expert panel, so its final project is published to the library (CaseReaders).</summary>
    private Task ClosePanelAsync(string slug) =>
        factory.WithDbAsync(async db =>
        {
            db.ForceState(await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == slug && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Role == StageRole.ExpertPanel), StageState.Approved);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Search_IsAccentInsensitive_GestionFindsGestión()
    {
        await ClosePanelAsync("tandil");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bariloche@programa.example");

        var withoutAccent = LibraryPage.ResultTitles(await client.GetPageAsync("/biblioteca?q=gestion"));
        var withAccent = LibraryPage.ResultTitles(await client.GetPageAsync("/biblioteca?q=GESTIÓN"));

        Assert.Contains(withoutAccent, t => t.Contains("Ciudad de Mendoza", StringComparison.Ordinal));
        Assert.Equal(withoutAccent, withAccent);
        Assert.Contains(LibraryPage.ResultTitles(await client.GetPageAsync("/biblioteca?q=habilitacion")), t => t.Contains("Habilitación comercial 100 % en línea", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_RanksATitleMatchAboveABodyMatch()
    {
        await AddCasesAsync(
            ("Rosario", "Turnos web", "Conviene copiar el modelo del carpincho digital y medir."),
            ("Paraná", "Carpincho digital: asistente de trámites", "Empezar por un trámite"));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");

        var titles = LibraryPage.ResultTitles(await client.GetPageAsync("/biblioteca?q=carpinchos"));

        Assert.Equal(2, titles.Count);
        Assert.StartsWith("Paraná", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("Rosario", titles[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_IssuesAConstantNumberOfSqlCommands()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        const string url = "/biblioteca?q=tramite+digital&origen=CaseStudy";
        await client.GetPageAsync(url);

        var before = (await factory.SqlCounter.RecordAsync(() => client.GetPageAsync(url))).Count;

        await AddCasesAsync(Enumerable.Range(1, 30).Select(i => ($"Ciudad {i}", $"Trámite digital número {i}", "Lecciones del trámite digital")).ToArray());
        AngleSharp.Dom.IDocument page = null!;
        var after = (await factory.SqlCounter.RecordAsync(async () => page = await client.GetPageAsync(url))).Count;

        Assert.True(LibraryPage.ResultTitles(page).Count >= 20);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ATeamWithAnEditableCaseStudy_AddsALibraryCaseToItsTable_InOneStep()
    {
        var user = await factory.CreateUserAsync("casos-gualeguaychu@programa.example", Roles.MunicipalTeam, "gualeguaychu");
        var (stageId, projectId) = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "gualeguaychu" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "casos");
            Assert.True(stage.Apply(StageAction.Unlock, WorkflowActor.Coordinator, null, factory.Time.GetUtcNow().UtcDateTime, "Prueba del estudio de casos").Allowed);
            await db.SaveChangesAsync();
            return (stage.Id, stage.ProjectId);
        });
        var caseId = await factory.WithDbAsync(db => db.CaseEntries.Where(c => c.City == "Ciudad de Mendoza").Select(c => c.Id).FirstAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var response = await client.SubmitFormAsync($"/biblioteca/{caseId}", "form.add-case", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/proyectos/{projectId}/etapas/casos", response.Headers.Location!.OriginalString);
        var stored = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == stageId).Select(d => new { d.ContentJson, d.ProjectStage.State }).SingleAsync());
        var rows = DeliverableContent.Parse(stored.ContentJson).Rows("casos");
        Assert.Equal("Ciudad de Mendoza", Assert.Single(rows)["ciudad"]);
        Assert.Equal(StageState.InProgress, stored.State);

        // Adding it again is refused with a clear message instead of duplicating the row.
        var again = await client.SubmitFormAsync($"/biblioteca/{caseId}", "form.add-case", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await client.GetPageAsync($"/biblioteca/{caseId}");
        Assert.Contains("Ese caso ya está en la tabla", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeamWhoseCaseStudyIsLocked_IsToldWhy_AndGetsNoButton()
    {
        var caseId = await factory.WithDbAsync(db => db.CaseEntries.Where(c => c.Source == CaseSource.CaseStudy).Select(c => c.Id).FirstAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bahiablanca@programa.example");

        var page = await client.GetPageAsync($"/biblioteca/{caseId}");

        Assert.Null(page.QuerySelector("form.add-case"));
        Assert.Contains("todavía está bloqueada", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingAFinalProject_IndexesItInTheSameSave_AndTheLibraryShowsItOnceThePanelCloses()
    {
        var stageId = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "jesusmaria" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "proyecto-final");
            var author = await db.Users.Where(u => u.Email == "jesusmaria@programa.example").Select(u => u.Id).SingleAsync();
            db.ForceState(stage, StageState.Submitted);
            var content = "{\"resumen\":\"Expediente digital de obra con visado en línea y gestión sin papel.\",\"escalabilidad\":\"Replicable en ciudades pequeñas.\"}";
            stage.Deliverable = new Deliverable { ContentJson = content, Version = 1, UpdatedAtUtc = DateTime.UtcNow, Revisions = { new DeliverableRevision { Number = 1, Kind = RevisionKind.Submission, ContentJson = content, AuthorId = author, CreatedAtUtc = DateTime.UtcNow } } };
            await db.SaveChangesAsync();
            return stage.Id;
        });

        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
            var transitions = scope.ServiceProvider.GetRequiredService<StageTransitions>();
            var stage = await db.ProjectStages.SingleAsync(s => s.Id == stageId);
            var result = await transitions.ApplyAsync(stage, StageAction.Approve, WorkflowActor.Coordinator, null);
            Assert.True(result.Allowed);
            Assert.Equal(0, await db.CaseEntries.CountAsync(c => c.ProjectStageId == stageId)); // not saved yet
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.CaseEntries.CountAsync(c => c.ProjectStageId == stageId));
        }

        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");
        Assert.Empty(LibraryPage.ResultTitles(await client.GetPageAsync("/biblioteca?q=expediente+visado&origen=FinalProject")));
        await ClosePanelAsync("jesusmaria");
        var titles = LibraryPage.ResultTitles(await client.GetPageAsync("/biblioteca?q=expediente+visado&origen=FinalProject"));
        Assert.Contains("Expediente digital de obras privadas", titles);
    }
}
