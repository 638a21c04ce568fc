using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

public class ExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ProgressXlsx_OpensWithMiniExcel_WithOneRowPerProjectAndItsStageStates()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        var response = await client.Http.GetAsync("/coordinacion/exportar/progreso.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, rows.Count);
        var bariloche = rows.Single(r => (string)r["Municipio"] == "Bariloche");
        Assert.Equal("Aprobada", bariloche["5. Ideación"]);
        Assert.Equal("Entregada", bariloche.First(kv => kv.Key.StartsWith("6.", StringComparison.Ordinal)).Value);
        Assert.Equal("Bloqueada", bariloche.First(kv => kv.Key.StartsWith("7.", StringComparison.Ordinal)).Value);
        var jesusMaria = rows.Single(r => (string)r["Municipio"] == "Jesús María");
        Assert.Equal("Cambios solicitados", jesusMaria.First(kv => kv.Key.StartsWith("4.", StringComparison.Ordinal)).Value);
        Assert.Equal("3 de 10", jesusMaria["Etapas aprobadas"]);
    }

    [Fact]
    public async Task Export_WhenEveryExportSlotIsBusy_AnswersASpanish503WithRetryAfter_AndServesAgainOnceFreed()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Exports:MaxConcurrent", "1").UseSetting("Exports:QueueSeconds", "0"));
        using var client = new PortalClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));
        await client.SignInAsync("coordinacion@programa.example");
        var slots = app.Services.GetRequiredService<ExportSlots>();

        // Two exports one after the other: the first one's slot is freed when its request ends.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/coordinacion/exportar/entregables.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/coordinacion/exportar/progreso.xlsx")).StatusCode);

        using (var busy = await slots.EnterAsync(CancellationToken.None))
        {
            Assert.NotNull(busy);
            var refused = await client.Http.GetAsync("/coordinacion/exportar/entregables.csv");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("Hay muchas descargas preparándose en este momento", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/coordinacion/exportar/entregables.csv")).StatusCode);
    }

    [Theory]
    [InlineData("/coordinacion/exportar/progreso.csv", "Municipio")]
    [InlineData("/coordinacion/exportar/entregables.csv", "Municipio")]
    public async Task Csv_StartsWithABom_AndParsesBackWithSpanishText(string url, string firstHeader)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        var bytes = await client.Http.GetByteArrayAsync(url);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ';' });
        Assert.Equal(firstHeader, reader.Headers[0]);
        var municipalities = new List<string>();
        while (reader.Read())
        {
            municipalities.Add(reader.GetString(0));
        }

        Assert.Contains("Jesús María", municipalities);
        Assert.Contains("Gualeguaychú", municipalities);
    }

    [Fact]
    public async Task DeliverablesXlsx_HoldsTheFieldsOfTheApprovedDeliverables()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        using var stream = new MemoryStream(await client.Http.GetByteArrayAsync("/coordinacion/exportar/entregables.xlsx"));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["Municipio"] == "Tandil" && (string)r["Campo"] == "Título del desafío" && ((string)r["Estado"]) == "Aprobada" && !string.IsNullOrEmpty(r["Valor"] as string));
    }

    [Fact]
    public async Task Dossier_ShowsEveryApprovedDeliverable_WithAPrintStylesheet()
    {
        var id = await factory.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Municipality.Slug == "bariloche" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Id));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        var page = await client.GetPageAsync($"/proyectos/{id}/dossier");
        Assert.Equal(5, page.QuerySelectorAll("section.dossier-stage").Length);
        Assert.Contains("1. Desafío", page.QuerySelector("section.dossier-stage h2")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("section.dossier-stage dl.deliverable dd"));

        var css = await client.Http.GetStringAsync("/css/site.css");
        Assert.Contains("@media print", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dossier_OfAnotherTeamsProject_IsNotFound()
    {
        var id = await factory.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Municipality.Slug == "bariloche" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Id));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/proyectos/{id}/dossier")).StatusCode);
    }

    [Fact]
    public async Task Dossier_LinksEachFileToItsDownload()
    {
        var tandil = await factory.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Municipality.Slug == "tandil" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Id));
        var attachment = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "anexo del dossier.pdf");
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", attachment);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");

        var page = await client.GetPageAsync($"/proyectos/{tandil}/dossier");

        var link = page.QuerySelectorAll("section.dossier-stage dl.deliverable a").Single(a => a.TextContent == "anexo del dossier.pdf");
        Assert.Equal($"/proyectos/{tandil}/adjuntos/{attachment}", link.GetAttribute("href"));
        Assert.Equal(AttachmentTestData.Pdf, await client.Http.GetByteArrayAsync(link.GetAttribute("href")));
    }

    [Fact]
    public async Task Dossier_ShowsWhatTheExpertsAndOtherTeamsRead_ApprovedStagesWithATeamFormOnly()
    {
        // The expert panel stage has no team form: once the panel closes and approves it, there is no deliverable to print.
        var tandil = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "tandil" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "mesa-expertos");
            db.ForceState(stage, StageState.Approved);
            db.ForceApprovedAt(stage, factory.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return stage.ProjectId;
        });
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");

        var page = await client.GetPageAsync($"/proyectos/{tandil}/dossier");

        var headings = page.QuerySelectorAll("section.dossier-stage h2").Select(h => h.TextContent).ToList();
        Assert.Equal(9, headings.Count);
        Assert.Equal("9. Proyecto final", headings[^1]);
        Assert.DoesNotContain(headings, h => h.Contains("Mesa de expertos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dossier_IssuesTheSameSqlCommands_WithThreeOrFiveApprovedStages()
    {
        var ids = await factory.WithDbAsync(db => db.Projects.Where(p => (p.Municipality.Slug == "jesusmaria" || p.Municipality.Slug == "bariloche") && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName)
            .Select(p => new { p.Municipality.Slug, p.Id }).ToDictionaryAsync(p => p.Slug, p => p.Id));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        await client.GetPageAsync($"/proyectos/{ids["jesusmaria"]}/dossier");

        AngleSharp.Dom.IDocument three = null!, five = null!;
        var withThree = await factory.SqlCounter.RecordAsync(async () => three = await client.GetPageAsync($"/proyectos/{ids["jesusmaria"]}/dossier"));
        var withFive = await factory.SqlCounter.RecordAsync(async () => five = await client.GetPageAsync($"/proyectos/{ids["bariloche"]}/dossier"));

        Assert.Equal(3, three.QuerySelectorAll("section.dossier-stage").Length);
        Assert.Equal(5, five.QuerySelectorAll("section.dossier-stage").Length);
        Assert.Equal(withThree.Count, withFive.Count);
        // 6 for the page, plus the security-stamp check every signed-in request makes (issue 12, item 6).
        Assert.InRange(withFive.Count, 1, 7);
    }
}
