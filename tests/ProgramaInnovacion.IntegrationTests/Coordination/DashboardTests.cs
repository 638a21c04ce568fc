using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

public class DashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Tandil", "mesa-expertos", "Disponible", 9)]
    [InlineData("Bariloche", "prototipo", "Entregada", 5)]
    [InlineData("Jesús María", "validacion", "Cambios solicitados", 3)]
    [InlineData("Bahía Blanca", "prueba", "En progreso", 6)]
    [InlineData("Gualeguaychú", "ideacion", "En progreso", 4)]
    public async Task Dashboard_ShowsEachDemoProjectAtItsStage(string municipality, string stageKey, string state, int approved)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        var page = await client.GetPageAsync("/coordinacion");

        var row = page.QuerySelectorAll("table.progress-matrix tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(municipality, StringComparison.Ordinal));
        var current = row.QuerySelector("td.matrix-current")!;
        Assert.Equal(stageKey, current.GetAttribute("data-stage"));
        Assert.Contains(state, current.TextContent, StringComparison.Ordinal);
        Assert.Equal(approved, row.QuerySelectorAll("td .state-approved").Length);
        Assert.Contains($"{approved} de 10", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ListsTheReviewQueueOldestFirst_WithLinksToTheReviewPage()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        var page = await client.GetPageAsync("/coordinacion");

        // The demo edition in course waits on one review (Bariloche's prototype, handed in three days ago);
        // the order of several is asserted on the review queue page (StagePagesTests).
        var items = page.QuerySelectorAll("ol.review-queue li").ToList();
        Assert.Single(items);
        Assert.All(items, i => Assert.EndsWith("/revision", i.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("Bariloche", items.Select(i => i.TextContent).First(t => t.Contains("Prototipo", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("espera hace 3 días", items[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ShowsStageCountsActivityAndAChartWithItsDataTable()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        var page = await client.GetPageAsync("/coordinacion");

        string Count(string key) => page.QuerySelector($"table.stage-counts tr[data-stage='{key}'] td.text-end")!.TextContent.Trim();
        Assert.Equal("0", Count("desafio"));
        Assert.Equal("1", Count("prototipo"));
        Assert.Equal("1", Count("ideacion"));
        Assert.Equal("0", Count("actores"));

        Assert.Equal(20, page.QuerySelectorAll("ul.activity-list li").Length);
        Assert.NotNull(page.QuerySelector("figure.progress-chart svg[role='img'] polyline"));
        var weeks = page.QuerySelectorAll("table.chart-data tbody tr");
        var cells = weeks[weeks.Length - 1].QuerySelectorAll("td");
        // 9 + 5 + 3 + 6 + 4 stages approved in the demo edition in course.
        Assert.Equal("27", cells[cells.Length - 1].TextContent.Trim());
    }

    [Fact]
    public async Task Dashboard_ForAnUnknownEdition_IsNotFound()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/coordinacion?edicion=9999")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_IssuesTheSameFewSqlCommands_With5And200Projects()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        await client.GetPageAsync("/coordinacion");

        // Built (the first load after a write) and kept (the next one: DashboardQueries.SnapshotAsync), at each size.
        await TouchAStageAsync();
        var builtWithFive = (await factory.SqlCounter.RecordAsync(() => client.GetPageAsync("/coordinacion"))).Count;
        var keptWithFive = (await factory.SqlCounter.RecordAsync(() => client.GetPageAsync("/coordinacion"))).Count;

        await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            for (var i = 0; i < 195; i++)
            {
                var municipality = new Municipality { Name = $"Municipio de prueba {i:000}", Province = "Buenos Aires", Slug = $"prueba-{i:000}" };
                db.Projects.Add(ProjectFactory.Create(edition, municipality, edition.StartsAtUtc));
            }

            await db.SaveChangesAsync();
        });

        AngleSharp.Dom.IDocument page = null!;
        var commands = await factory.SqlCounter.RecordAsync(async () => page = await client.GetPageAsync("/coordinacion"));
        var builtWithTwoHundred = commands.Count;
        var keptWithTwoHundred = (await factory.SqlCounter.RecordAsync(() => client.GetPageAsync("/coordinacion"))).Count;

        // Issue 14: an edition this large shows the matrix a page at a time (DashboardPagingTests); every project is counted.
        Assert.Equal(50, page.QuerySelectorAll("table.progress-matrix tbody tr").Length);
        Assert.Contains("de 200 · página 1 de 4", page.QuerySelector("nav[aria-label='Páginas del avance por proyecto']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(builtWithFive, builtWithTwoHundred);
        Assert.Equal(keptWithFive, keptWithTwoHundred);
        Assert.True(keptWithTwoHundred < builtWithTwoHundred, $"{keptWithTwoHundred} comandos con el tablero guardado, {builtWithTwoHundred} al armarlo.");
        // 8 for the page, plus the security-stamp check every signed-in request makes (issue 12, item 6).
        Assert.True(builtWithTwoHundred is >= 1 and <= 9, $"{builtWithTwoHundred} SQL commands:\n{string.Join("\n---\n", commands)}");
    }

    /// <summary>A write to one of the current edition's stages (its version rises), as any workflow action makes.</summary>
    private Task TouchAStageAsync() => factory.WithDbAsync(async db =>
    {
        var stage = await db.ProjectStages.Where(s => s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).OrderBy(s => s.Id).FirstAsync();
        db.Entry(stage).Property(s => s.StateChangedAtUtc).CurrentValue = stage.StateChangedAtUtc.AddSeconds(1);
        await db.SaveChangesAsync();
    });
}
