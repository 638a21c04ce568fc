using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Results;

public class RollupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ClosedEditionIdAsync() =>
        factory.WithDbAsync(db => db.Editions.Where(e => e.Name == ReferenceData.FirstEditionName).Select(e => e.Id).SingleAsync());

    [Fact]
    public async Task EditionRollup_SumsEqualTheProjectsLatestValues_InThePage_AndInBothExports()
    {
        var editionId = await ClosedEditionIdAsync();
        var expected = await factory.WithDbAsync(async db =>
        {
            var latest = await db.FollowUpIndicators.Where(i => i.Project.EditionId == editionId)
                .Select(i => i.Measurements.OrderByDescending(m => m.MeasuredOn).Select(m => (decimal?)m.Value).FirstOrDefault())
                .ToListAsync();
            return (Count: latest.Count, Sum: latest.Sum() ?? 0);
        });
        Assert.Equal(5, expected.Count);

        using var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoSeeder.CoordinatorEmail);
        var page = await client.GetPageAsync($"/resultados/edicion/{editionId}");
        var text = page.Body!.TextContent;
        Assert.Contains($"suma de últimos valores: {Core.Deliverables.ArgentineNumber.Format(expected.Sum)}", text, StringComparison.Ordinal);
        Assert.Contains("Rafaela", text, StringComparison.Ordinal);
        Assert.Contains("Villa María", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg[role='img'] title"));

        using var xlsx = new MemoryStream(await client.Http.GetByteArrayAsync($"/resultados/exportar/indicadores.xlsx?edicion={editionId}"));
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Sum, rows.Sum(r => Core.Deliverables.ArgentineNumber.Read((string)r["Último valor"]).Value ?? 0));

        var csv = await client.Http.GetByteArrayAsync($"/resultados/exportar/indicadores.csv?edicion={editionId}");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv[..3]);
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = ';' });
        var sum = 0m;
        var count = 0;
        while (reader.Read())
        {
            sum += Core.Deliverables.ArgentineNumber.Read(reader.GetString(10)).Value ?? 0;
            count++;
        }

        Assert.Equal((expected.Count, expected.Sum), (count, sum));

        // The program-wide page shows the same numbers for this edition's group (the only one with follow-up).
        var program = await client.GetPageAsync("/resultados");
        Assert.Contains($"suma de últimos valores: {Core.Deliverables.ArgentineNumber.Format(expected.Sum)}", program.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_RecordsAMeasurement_AndAnUnreadableValueIsRefusedInSpanish_WhileAnotherTeamGets404()
    {
        var editionId = await ClosedEditionIdAsync();
        var (projectId, indicatorId) = await factory.WithDbAsync(async db =>
        {
            var indicator = await db.FollowUpIndicators.FirstAsync(i => i.Project.EditionId == editionId && i.Project.Municipality.Slug == "tandil");
            return (indicator.ProjectId, indicator.Id);
        });
        using var team = factory.CreatePortalClient();
        await team.SignInAsync(DemoSeeder.TeamEmail("tandil"));
        var url = $"/proyectos/{projectId}/seguimiento";
        var page = await team.GetPageAsync(url);
        Assert.Contains("Días de demora del trámite", page.Body!.TextContent, StringComparison.Ordinal);

        var formSelector = $"form[action='{url}/mediciones']:has(input[value='{indicatorId}'])";
        var refused = await team.SubmitFormAsync(page, formSelector, new Dictionary<string, string> { ["valor"] = "1,250", ["fecha"] = "2026-10-01" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = await PortalClient.ParseAsync(refused);
        Assert.Contains("1,250", refusedPage.GetElementById($"valor-{indicatorId}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1,250", refusedPage.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);

        var before = await factory.WithDbAsync(db => db.IndicatorMeasurements.CountAsync(m => m.IndicatorId == indicatorId));
        var saved = await team.SubmitFormAsync(await team.GetPageAsync(url), formSelector, new Dictionary<string, string> { ["valor"] = "8", ["fecha"] = "2026-10-01" }, url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.IndicatorMeasurements.CountAsync(m => m.IndicatorId == indicatorId)));
        var stored = await factory.WithDbAsync(db => db.IndicatorMeasurements.Where(m => m.IndicatorId == indicatorId).OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal((8m, new DateOnly(2026, 10, 1)), (stored.Value, stored.MeasuredOn));

        using var other = factory.CreatePortalClient();
        await other.SignInAsync(DemoSeeder.TeamEmail("bariloche"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Publishing_WithoutTheTeamsConsent_IsRefused_AndPublishesNothing()
    {
        var editionId = await ClosedEditionIdAsync();
        var projectId = await factory.WithDbAsync(db => db.Projects.Where(p => p.EditionId == editionId && p.Municipality.Slug == "gualeguaychu").Select(p => p.Id).SingleAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(DemoSeeder.CoordinatorEmail);
        var url = $"/proyectos/{projectId}/seguimiento";
        var response = await client.SubmitFormAsync(await client.GetPageAsync(url), $"form[action='{url}/vitrina']", new Dictionary<string, string> { ["consentimiento"] = "" }, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("consentimiento", (await client.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ShowcasePublications.AnyAsync(p => p.ProjectId == projectId)));
    }
}
