using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

public class StagePagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string AccessDenied = "/cuenta/acceso-denegado";

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task MarkdownPreview_RendersTheTypedTextSanitised_WithoutSaving()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        var url = $"/proyectos/{projectId}/etapas/prueba";
        using var team = await SignedInAsync("bahiablanca@programa.example");
        var page = await team.GetPageAsync(url);
        var revisionsBefore = page.QuerySelector("a[href$='/revisiones']")!.TextContent;

        var response = await StageForms.PostAsync(team, page, url + "/guardar", new Dictionary<string, string>
        {
            ["accion"] = "vista-previa:aprendizajes",
            ["f.aprendizajes"] = "Los vecinos **prefieren** el turno web <script>alert(1)</script>",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PortalClient.ParseAsync(response);
        var preview = html.QuerySelector("section.markdown-preview")!;
        Assert.Equal("prefieren", preview.QuerySelector("strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains("**prefieren**", html.QuerySelector("#f-aprendizajes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(revisionsBefore, (await team.GetPageAsync(url)).QuerySelector("a[href$='/revisiones']")!.TextContent);
    }

    [Fact]
    public async Task Coordinator_SeesTheStageReadOnly_AndCannotSaveTheTeamsDraft()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        var url = $"/proyectos/{projectId}/etapas/prueba";
        using var coordinator = await SignedInAsync("coordinacion@programa.example");

        var page = await coordinator.GetPageAsync(url);

        Assert.Null(page.QuerySelector(StageForms.FormSelector));
        Assert.NotNull(page.QuerySelector("dl.deliverable"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var save = await coordinator.Http.PostAsync(url + "/guardar", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Version"] = "1", ["f.lugar"] = "x" }));
        // Forbid(): the cookie scheme sends the person to the Spanish access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(AccessDenied, save.Headers.Location!.AbsolutePath);
        Assert.Equal(0, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DeliverableRevisions, r => r.ContentJson.Contains("\"lugar\":\"x\""))));
    }

    [Fact]
    public async Task ReviewQueue_IsForCoordinators_OldestFirst_WithDaysWaiting()
    {
        using var team = await SignedInAsync("tandil@programa.example");
        var denied = await team.Http.GetAsync("/revision");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        // The demo waits on Bariloche's review (handed in three days ago); Gualeguaychú's handed in five days ago goes first.
        await StageForms.SetStateAsync(factory, "gualeguaychu", "ideacion", StageState.Submitted);
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "gualeguaychu" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "ideacion");
            db.ForceSubmittedAt(stage, factory.Time.GetUtcNow().UtcDateTime.AddDays(-5));
            await db.SaveChangesAsync();
        });
        using var coordinator = await SignedInAsync("coordinacion@programa.example");
        var queue = await coordinator.GetPageAsync("/revision");
        var rows = queue.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Gualeguaychú", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.TextContent.Contains("Bariloche", StringComparison.Ordinal));
        var times = rows.Select(r => DateTime.Parse(r.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderBy(t => t), times);
        Assert.All(rows, r => Assert.Matches(@"(\d+ días?|desde hoy)", r.Children[3].TextContent));
    }

    [Fact]
    public async Task ReadOnlyStages_ShowTheActorGrid_AndTheAssumptionCounts()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        using var team = await SignedInAsync("tandil@programa.example");

        var actors = await team.GetPageAsync($"/proyectos/{projectId}/etapas/actores");
        var grid = actors.QuerySelector("table.actor-grid")!;
        Assert.Equal(5, grid.QuerySelectorAll("tbody tr").Length);
        Assert.NotEmpty(grid.QuerySelectorAll("tbody td li"));

        var validation = await team.GetPageAsync($"/proyectos/{projectId}/etapas/validacion");
        Assert.Contains("Validado:", validation.QuerySelector("#resumen-supuestos")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamHome_NextStep_LinksToTheCurrentStage()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        using var team = await SignedInAsync("bahiablanca@programa.example");
        var home = await team.GetPageAsync("/");
        var link = home.QuerySelector(".card a.btn")!;
        Assert.Equal($"/proyectos/{projectId}/etapas/prueba", link.GetAttribute("href"));
        Assert.Equal(StageState.InProgress, await StageForms.StateAsync(factory, "bahiablanca", "prueba"));
    }

    [Theory]
    [InlineData("guardar")]
    [InlineData("entregar")]
    [InlineData("adjuntos")]
    public async Task StagePosts_WithoutAnAntiforgeryToken_AreRejected_AndSaveNothing(string action)
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        using var team = await SignedInAsync("bahiablanca@programa.example");
        var before = await factory.CountAsync<Core.Domain.DeliverableRevision>();

        var response = await team.Http.PostAsync($"/proyectos/{projectId}/etapas/prueba/{action}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "1", ["f.lugar"] = "Sin token", ["campo"] = "adjuntos" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.CountAsync<Core.Domain.DeliverableRevision>());
    }

    [Fact]
    public async Task SaveDraft_WithAFarTooLargeRequest_GetsTheSpanishTooLargePage()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        var url = $"/proyectos/{projectId}/etapas/prueba";
        using var team = await SignedInAsync("bahiablanca@programa.example");
        var page = await team.GetPageAsync(url);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in StageForms.Fields(page, StageForms.FormSelector))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(new byte[30 * 1024 * 1024]), "f.adjuntos.archivo", "enorme.pdf");
        var response = await team.Http.PostAsync(url + "/guardar", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("El archivo es demasiado grande", (await PortalClient.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }
}
