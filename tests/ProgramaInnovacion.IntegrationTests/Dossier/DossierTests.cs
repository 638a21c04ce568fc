using System.Net;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Dossier;

/// <summary>
/// The dossier of a project that went through the whole program (Tandil, 2021): every approved
/// deliverable, the panel's result and recommendations, the action plan and the timeline, on the
/// printable page and in the PDF for coordinators.
/// </summary>
public class DossierTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ClosedTandilAsync() => factory.WithDbAsync(db => db.Projects
        .Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == ReferenceData.FirstEditionName).Select(p => p.Id).SingleAsync());

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task TheDossier_HoldsTheDeliverablesThePanelResultTheActionPlanAndTheTimeline()
    {
        var project = await ClosedTandilAsync();
        using var team = await SignedInAsync("tandil@programa.example");

        var page = await team.GetPageAsync($"/proyectos/{project}/dossier");

        var sections = page.QuerySelectorAll("section.dossier-stage h2, section.dossier-part h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(
            ["1. Desafío", "2. Mapeo de actores", "3. Socios para la implementación", "4. Validación territorial", "5. Ideación", "6. Prototipo",
                "7. Prueba en territorio", "8. Estudio de casos", "9. Proyecto final", "Resultado de la mesa de expertos", "Plan de acción del equipo", "Historial del proyecto"],
            sections);
        var panel = page.QuerySelector("#mesa")!.ParentElement!;
        Assert.Matches(@"Promedio ponderado: \d,\d\d sobre 5", panel.TextContent);
        Assert.Contains("Documentar el trámite y el código para que otras ciudades de la red puedan replicarlo.", panel.TextContent, StringComparison.Ordinal);
        var plan = page.QuerySelectorAll("#plan-accion ~ div tbody tr").ToList();
        Assert.Equal(2, plan.Count);
        Assert.Contains("Publicaremos la guía del trámite", plan.Select(r => r.TextContent).First(t => t.Contains("Documentar", StringComparison.Ordinal)), StringComparison.Ordinal);
        var timeline = page.QuerySelector("ol.dossier-timeline")!.TextContent;
        Assert.Contains("27 de julio de 2021", timeline, StringComparison.Ordinal);
        Assert.Contains("Mesa de expertos · Cierre", timeline, StringComparison.Ordinal);

        // The heading repeated on every printed page, and the document's own header (not the site's).
        Assert.Contains("Dossier de Tandil – Turnos en línea para los centros de salud", page.QuerySelector("thead.print-running-head")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("article.dossier header.dossier-header h1"));
    }

    [Fact]
    public async Task BeforeThePanelPublishes_TheDossierSaysSo()
    {
        var project = await StageForms.ProjectIdAsync(factory, "tandil");
        using var team = await SignedInAsync("tandil@programa.example");

        var page = await team.GetPageAsync($"/proyectos/{project}/dossier");

        Assert.Contains("La mesa de expertos todavía no publicó su resultado.", page.QuerySelector("#mesa")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Promedio ponderado", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(9, page.QuerySelectorAll("section.dossier-stage").Length);
    }

    [Fact]
    public async Task ThePdf_OpensWithTheTitle_ASectionPerPart_AndTheExpectedPages()
    {
        var project = await ClosedTandilAsync();
        using var coordinator = await SignedInAsync("coordinacion@programa.example");

        var response = await coordinator.Http.GetAsync($"/proyectos/{project}/dossier.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dossier-tandil.pdf", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));

        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal("Dossier de Tandil: Turnos en línea para los centros de salud", pdf.Info.Title);
        var outline = pdf.Outlines.Select(o => o.Title).ToList();
        Assert.Equal("Dossier de Tandil", outline[0]);
        Assert.Contains("1. Desafío", outline);
        Assert.Contains("9. Proyecto final", outline);
        Assert.Equal(["Resultado de la mesa de expertos", "Plan de acción del equipo", "Historial del proyecto"], outline.TakeLast(3));
        // Each part starts a page: the cover, the nine approved deliverables and the three closing parts.
        Assert.Equal(13, outline.Count);
        Assert.True(pdf.PageCount >= 13, $"{pdf.PageCount} páginas");
    }

    [Fact]
    public async Task ThePdf_IsForCoordinators()
    {
        var project = await ClosedTandilAsync();
        using var team = await SignedInAsync("tandil@programa.example");

        var response = await team.Http.GetAsync($"/proyectos/{project}/dossier.pdf");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("acceso-denegado", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
