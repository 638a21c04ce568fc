using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Data.Seeding;

namespace ProgramaInnovacion.BrowserTests.Dossier;

[Collection(BrowserCollection.Name)]
public class DossierPrintBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task PrintingTheDossier_KeepsItsOwnHeading_AndRepeatsTheRunningHeadOnEveryPage()
    {
        var project = await browser.Factory.WithDbAsync(db => db.Projects
            .Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == ReferenceData.FirstEditionName).Select(p => p.Id).SingleAsync());
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync("coordinacion@programa.example");
        await session.GotoAsync($"/proyectos/{project}/dossier");

        // On screen: the document's heading, not the running head.
        await Assertions.Expect(session.Page.Locator("header.dossier-header h1")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("thead.print-running-head")).ToBeHiddenAsync();

        await session.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(session.Page.Locator("header.dossier-header h1")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("header.dossier-header h1")).ToContainTextAsync("Dossier de Tandil");
        var head = session.Page.Locator("thead.print-running-head");
        await Assertions.Expect(head).ToBeVisibleAsync();
        Assert.Equal("table-header-group", await head.EvaluateAsync<string>("el => getComputedStyle(el).display"));
        // The site's own header and navigation do not print.
        await Assertions.Expect(session.Page.Locator("body > header")).ToBeHiddenAsync();

        // Chromium prints the dossier over several pages (every part starts one).
        var pdf = await session.Page.PdfAsync(new() { Format = "A4" });
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        Assert.True(pages >= 12, $"{pages} páginas");
        await session.Page.EmulateMediaAsync(new() { Media = Media.Screen });
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
