using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

/// <summary>
/// Every page that shows where a project stands reads it through one rule (ProjectProgress), so
/// the dashboard, its export, the coordinator's home and the project page agree — also for a
/// project that has no row for one of the edition's stages, which counts as Locked.
/// </summary>
public class ProjectProgressTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Coordinator = "coordinacion@programa.example";

    /// <summary>A project whose first stage is approved, with no row for the second and the third open.</summary>
    private Task<int> ProjectWithoutItsSecondStageRowAsync() =>
        factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            var project = ProjectFactory.Create(edition, new Municipality { Name = "Azul", Province = "Buenos Aires", Slug = "azul" }, edition.StartsAtUtc);
            var stages = project.Stages.OrderBy(s => s.StageDefinition.Order).ToList();
            db.ForceState(stages[0], StageState.Approved);
            db.ForceState(stages[2], StageState.Available);
            project.Stages.Remove(stages[1]);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });

    [Fact]
    public async Task AMissingStageRow_CountsAsLocked_AndIsTheCurrentStage_OnTheDashboardItsExportTheHomeAndTheProjectPage()
    {
        var projectId = await ProjectWithoutItsSecondStageRowAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(Coordinator);

        var dashboard = await client.GetPageAsync("/coordinacion");
        var row = dashboard.QuerySelector($"table.progress-matrix tbody tr[data-project='{projectId}']")!;
        var current = row.QuerySelector("td.matrix-current")!;
        Assert.Equal("actores", current.GetAttribute("data-stage"));
        Assert.Contains("Bloqueada", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 de 10", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", dashboard.QuerySelector("table.stage-counts tr[data-stage='actores'] td.text-end")!.TextContent.Trim());

        using var stream = new MemoryStream(await client.Http.GetByteArrayAsync("/coordinacion/exportar/progreso.xlsx"));
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single(r => (string)r["Municipio"] == "Azul");
        Assert.Equal("Bloqueada", exported["2. Mapeo de actores"]);
        Assert.Equal("1 de 10", exported["Etapas aprobadas"]);
        Assert.Equal("2. Mapeo de actores", exported["Etapa actual"]);

        var home = await client.GetPageAsync("/");
        var homeRow = home.QuerySelectorAll("table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Azul", StringComparison.Ordinal));
        Assert.Contains("2. Mapeo de actores", homeRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 / 10", homeRow.TextContent, StringComparison.Ordinal);

        var project = await client.GetPageAsync($"/proyectos/{projectId}");
        Assert.Contains("1 de 10 etapas aprobadas", project.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mapeo de actores", project.QuerySelector("ol.stage-list li[aria-current='step']")!.TextContent, StringComparison.Ordinal);

        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var editionId = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.EditionId).SingleAsync());
        var edition = await admin.GetPageAsync($"/admin/ediciones/{editionId}");
        var editionRow = edition.QuerySelectorAll("tr").Single(r => r.QuerySelector($"a[href='/proyectos/{projectId}']") is not null);
        Assert.Contains("1 de 10", editionRow.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressExport_IsTheDashboardsMatrix_RowByRow()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(Coordinator);
        var dashboard = await client.GetPageAsync("/coordinacion");
        using var stream = new MemoryStream(await client.Http.GetByteArrayAsync("/coordinacion/exportar/progreso.xlsx"));
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        var rows = dashboard.QuerySelectorAll("table.progress-matrix tbody tr").ToList();
        Assert.Equal(rows.Count, exported.Count);
        foreach (var (row, line) in rows.Zip(exported))
        {
            Assert.Contains((string)line["Municipio"], row.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
            Assert.Contains((string)line["Etapas aprobadas"], row.TextContent, StringComparison.Ordinal);
            var cells = row.QuerySelectorAll("td.matrix-cell").ToList();
            var states = line.Where(kv => char.IsAsciiDigit(kv.Key[0])).Select(kv => (string)kv.Value).ToList();
            Assert.Equal(cells.Count, states.Count);
            Assert.All(cells.Zip(states), pair => Assert.Contains(pair.Second, pair.First.TextContent, StringComparison.Ordinal));
            var current = row.QuerySelector("td.matrix-current");
            Assert.Equal(current is null ? "Completó el programa" : $"{cells.IndexOf(current) + 1}. {current.QuerySelector("a")!.GetAttribute("title")}", (string)line["Etapa actual"]);
        }
    }

    [Fact]
    public async Task ProgressExport_IssuesTheSameSqlCommands_HoweverManyProjects()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(Coordinator);
        await client.Http.GetByteArrayAsync("/coordinacion/exportar/progreso.csv");
        var before = (await factory.SqlCounter.RecordAsync(() => client.Http.GetByteArrayAsync("/coordinacion/exportar/progreso.csv"))).Count;

        await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            for (var i = 0; i < 20; i++)
            {
                db.Projects.Add(ProjectFactory.Create(edition, new Municipality { Name = $"Exportado {i:00}", Province = "Córdoba", Slug = $"exportado-{i:00}" }, edition.StartsAtUtc));
            }

            await db.SaveChangesAsync();
        });

        var after = (await factory.SqlCounter.RecordAsync(() => client.Http.GetByteArrayAsync("/coordinacion/exportar/progreso.csv"))).Count;
        Assert.Equal(before, after);
        // 4 for the export, plus the security-stamp check every signed-in request makes (issue 12, item 6).
        Assert.InRange(after, 1, 4 + 1);
    }
}
