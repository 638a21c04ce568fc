using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

public class PanelAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> PostWithTokenAsync(PortalClient client, string url, Dictionary<string, string> values)
    {
        // Any signed-in page carries the logout form and its antiforgery token.
        var page = await client.GetPageAsync("/");
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        values["__RequestVerificationToken"] = token;
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task UnassignedExpert_GetsNotFound_OnEveryPanelAndProjectUrl()
    {
        var tandil = await factory.ProjectIdAsync("tandil");
        await factory.NewExpertAsync("ajena");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("ajena@experto.example");

        foreach (var url in new[] { $"/panel/proyectos/{tandil}", $"/panel/proyectos/{tandil}/evaluacion", $"/panel/proyectos/{tandil}/imprimir", $"/proyectos/{tandil}", $"/proyectos/{tandil}/mesa", "/panel/proyectos/99999" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} respondió {(int)response.StatusCode}");
            Assert.DoesNotContain("Tandil", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var url in new[] { $"/panel/proyectos/{tandil}/declaracion", $"/panel/proyectos/{tandil}/evaluacion" })
        {
            var response = await PostWithTokenAsync(client, url, new() { ["NoConflict"] = "true", ["Command"] = "guardar" });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} respondió {(int)response.StatusCode}");
        }

        var home = await client.GetPageAsync("/panel");
        Assert.Contains("Todavía no tenés proyectos asignados", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PanelEvaluations.CountAsync(e => e.Assignment.ProjectId == tandil)));
    }

    [Fact]
    public async Task Expert_CannotReachCoordinationPanelPages()
    {
        var tandil = await factory.ProjectIdAsync("tandil");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("experta1@programa.example");
        foreach (var url in new[] { "/coordinacion/panel", $"/coordinacion/panel/proyectos/{tandil}", "/coordinacion/panel/exportar" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Carlos Ruiz", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AssignedExpert_OfAProjectWhosePanelIsNotOpen_GetsNotFound()
    {
        var bariloche = await factory.ProjectIdAsync("bariloche");
        var expert = await factory.NewExpertAsync("temprana");
        await factory.AssignAsync(bariloche, expert.Id);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("temprana@experto.example");

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/panel/proyectos/{bariloche}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/panel/proyectos/{bariloche}/evaluacion")).StatusCode);
        Assert.DoesNotContain("Bariloche", (await client.GetPageAsync("/panel")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignedExpert_SeesNothingOfTheProjectBeforeDeclaring_ThenReadsOnlyApprovedSubmissions()
    {
        var tandil = await factory.ProjectIdAsync("tandil");
        var expert = await factory.NewExpertAsync("lectora");
        await factory.AssignAsync(tandil, expert.Id, ConflictDeclaration.Pending);
        // A draft saved on an approved stage after its approval must never reach the expert.
        await factory.WithDbAsync(async db =>
        {
            var deliverable = await db.Deliverables.Include(d => d.Revisions).SingleAsync(d => d.ProjectStage.ProjectId == tandil && d.ProjectStage.StageDefinition.Role == StageRole.FinalProject);
            deliverable.Revisions.Add(new DeliverableRevision { Number = deliverable.Revisions.Max(r => r.Number) + 1, Kind = RevisionKind.Draft, ContentJson = "{\"resumen\":\"BORRADOR-NO-APROBADO\"}", AuthorId = deliverable.Revisions[0].AuthorId, CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime });
            deliverable.ContentJson = "{\"resumen\":\"BORRADOR-NO-APROBADO\"}";
            await db.SaveChangesAsync();
        });
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("lectora@experto.example");

        var before = await client.GetPageAsync($"/panel/proyectos/{tandil}");
        Assert.NotNull(before.QuerySelector("#form-declaracion"));
        Assert.Null(before.QuerySelector("dl.deliverable"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync($"/panel/proyectos/{tandil}/evaluacion")).StatusCode);

        var declared = await client.SubmitFormAsync($"/panel/proyectos/{tandil}", "#form-declaracion", new Dictionary<string, string> { ["NoConflict"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);

        var after = await client.GetPageAsync($"/panel/proyectos/{tandil}");
        Assert.NotEmpty(after.QuerySelectorAll("dl.deliverable"));
        Assert.DoesNotContain("BORRADOR-NO-APROBADO", after.Body!.InnerHtml, StringComparison.Ordinal);
        var print = await client.GetPageAsync($"/panel/proyectos/{tandil}/imprimir");
        Assert.NotNull(print.QuerySelector("dl.deliverable"));
        Assert.DoesNotContain("BORRADOR-NO-APROBADO", print.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(ConflictDeclaration.NoConflict, await factory.WithDbAsync(db => db.PanelAssignments.Where(a => a.ExpertId == expert.Id).Select(a => a.Declaration).SingleAsync()));
    }

    [Fact]
    public async Task ExpertWhoDeclines_WithoutReason_IsAskedForIt_AndTheCoordinatorSeesTheReason()
    {
        var tandil = await factory.ProjectIdAsync("tandil");
        var expert = await factory.NewExpertAsync("conflictuada");
        await factory.AssignAsync(tandil, expert.Id, ConflictDeclaration.Pending);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("conflictuada@experto.example");

        var missing = await client.SubmitFormAsync($"/panel/proyectos/{tandil}", "#form-declaracion", new Dictionary<string, string> { ["NoConflict"] = "false" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Indicá el motivo", (await PortalClient.ParseAsync(missing)).QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);

        var declined = await client.SubmitFormAsync($"/panel/proyectos/{tandil}", "#form-declaracion", new Dictionary<string, string> { ["NoConflict"] = "false", ["Reason"] = "Trabajé para el municipio en 2020." });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Null((await client.GetPageAsync($"/panel/proyectos/{tandil}")).QuerySelector("dl.deliverable"));

        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var overview = await coordinator.GetPageAsync("/coordinacion/panel");
        Assert.Contains("Trabajé para el municipio en 2020.", overview.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_OpensTandilsPanel_WithBothExpertsPending_AndSeedingAgainAddsNothing()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("experta1@programa.example");
        var home = await client.GetPageAsync("/");
        Assert.Contains("Tandil", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Declaración pendiente", home.Body!.TextContent, StringComparison.Ordinal);

        var counts = () => factory.WithDbAsync(async db => (await db.RubricCriteria.CountAsync(c => c.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName), await db.PanelAssignments.CountAsync(a => a.Project.Municipality.Slug == "tandil" && a.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && a.Expert.Email!.EndsWith("@programa.example"))));
        var (criteria, assignments) = await counts();
        Assert.Equal(6, criteria);
        Assert.Equal(2, assignments);
        await using (var scope = factory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Core.Data.Seeding.ProgramSeeder>().SeedReferenceDataAsync();
            await scope.ServiceProvider.GetRequiredService<Core.Data.Seeding.DemoSeeder>().SeedAsync();
        }

        Assert.Equal((criteria, assignments), await counts());
    }
}
