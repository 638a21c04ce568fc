using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

/// <summary>A large edition's dashboard shows a page of the matrix with filters; the counts above still cover every project.</summary>
public class DashboardPagingTests(DashboardPagingTests.LargeEditionFactory factory) : IClassFixture<DashboardPagingTests.LargeEditionFactory>
{
    private const int Projects = 60;

    /// <summary>The demo plus a synthetic edition of sixty projects, coordinated by its own account.</summary>
    public sealed class LargeEditionFactory : PortalFactory, IAsyncLifetime
    {
        // Adds its edition after start-up and changes no setting, service or clock: the demo copy is the same database.
        protected override bool StartsFromTemplate => true;

        public int EditionId { get; private set; }

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var scope = CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(new SyntheticEditionOptions(Projects, 1, 31));
            EditionId = result!.EditionId;
        }
    }

    private async Task<AngleSharp.Dom.IDocument> DashboardAsync(string query)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(SyntheticEditionSeeder.CoordinatorEmail(31));
        return await client.GetPageAsync($"/coordinacion?edicion={factory.EditionId}{query}");
    }

    private static string Pager(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("nav[aria-label='Páginas del avance por proyecto'] [role='status']")!.TextContent.Trim();

    [Fact]
    public async Task LargeEdition_ShowsFiftyProjectsAPage_AndCountsEveryProject()
    {
        var first = await DashboardAsync("");
        Assert.Equal(50, first.QuerySelectorAll("table.progress-matrix tbody tr").Length);
        Assert.Equal($"Proyectos 1 a 50 de {Projects} · página 1 de 2", Pager(first));
        Assert.Contains($"{Projects} proyectos", first.QuerySelector("main, body")!.TextContent, StringComparison.Ordinal);
        var stageCounts = first.QuerySelectorAll("table.stage-counts tbody tr td.text-end").Sum(td => int.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stageCounts > 50, $"Los conteos por etapa suman {stageCounts}: deben contar todos los proyectos, no solo la página.");

        var next = first.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        var second = await DashboardAsync(next[next.IndexOf('&')..].Replace("#avance", "", StringComparison.Ordinal));
        Assert.Equal(Projects - 50, second.QuerySelectorAll("table.progress-matrix tbody tr").Length);
        Assert.Null(second.QuerySelector("a[rel='next']"));
    }

    [Fact]
    public async Task Filters_ByProvinceOrCurrentStage_ShowOnlyMatchingProjects()
    {
        var province = await factory.WithDbAsync(db => db.Projects.Where(p => p.EditionId == factory.EditionId)
            .GroupBy(p => p.Municipality.Province).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var inProvince = await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.EditionId == factory.EditionId && p.Municipality.Province == province));

        var byProvince = await DashboardAsync("&provincia=" + Uri.EscapeDataString(province));
        var rows = byProvince.QuerySelectorAll("table.progress-matrix tbody tr").ToList();
        Assert.Equal(inProvince, rows.Count);
        Assert.All(rows, r => Assert.Contains(province, r.QuerySelector("th")!.TextContent, StringComparison.Ordinal));

        var all = await DashboardAsync("");
        var atValidation = int.Parse(all.QuerySelector("table.stage-counts tr[data-stage='validacion'] td.text-end")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var byStage = await DashboardAsync("&etapa=validacion");
        var stageRows = byStage.QuerySelectorAll("table.progress-matrix tbody tr").ToList();
        Assert.Equal(atValidation, stageRows.Count);
        Assert.All(stageRows, r => Assert.Equal("validacion", r.QuerySelector("td.matrix-current")!.GetAttribute("data-stage")));

        var submitted = await DashboardAsync("&estado=Submitted");
        Assert.All(submitted.QuerySelectorAll("table.progress-matrix tbody tr td.matrix-current"), c => Assert.Contains("Entregada", c.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandEditedFilter_ShowsTheEditionUnfiltered_NeverAnError()
    {
        var page = await DashboardAsync("&estado=cualquiera&pagina=muchas");
        Assert.Equal(50, page.QuerySelectorAll("table.progress-matrix tbody tr").Length);
    }

    [Fact]
    public async Task SmallEdition_ShowsItsWholeMatrix_WithoutFiltersOrPages()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        var response = await client.Http.GetAsync("/coordinacion");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelectorAll("table.progress-matrix tbody tr"));
        Assert.Null(page.QuerySelector("form[aria-label='Filtrar el avance por proyecto']"));
        Assert.Null(page.QuerySelector("nav[aria-label='Páginas del avance por proyecto']"));
    }
}
