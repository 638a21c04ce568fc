using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>
/// The library's search on each database's own engine (ADR 0014): PostgreSQL full-text search and
/// SQLite FTS5 answer the same searches the same way, through the page a team uses. Every case a
/// test adds carries a made-up word, so the demo's cases never interfere.
/// </summary>
public class CaseSearchEngineTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Adds cases straight to Tandil's approved case study (published to the edition's teams), as written.</summary>
    private Task AddCasesAsync(params (string Title, string Summary, string Body)[] cases) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Where(s => s.Project.Municipality.Slug == "tandil" && s.Project.Edition.Name == DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "casos")
                .Select(s => new { s.Id, s.Project.EditionId }).SingleAsync();
            var row = 5000 + await db.CaseEntries.CountAsync();
            db.CaseEntries.AddRange(cases.Select(c => new CaseEntry
            {
                Source = CaseSource.CaseStudy,
                ProjectStageId = stage.Id,
                EditionId = stage.EditionId,
                RowIndex = row++,
                MunicipalityName = "Tandil",
                MunicipalityCategory = MunicipalityCategory.Intermediate,
                Title = c.Title,
                Summary = c.Summary,
                Body = c.Body,
                City = "Tandil",
                Country = "Argentina",
                Description = c.Summary,
                Lessons = "",
                IndexedAtUtc = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        });

    private async Task<PortalClient> TeamAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");
        return client;
    }

    private static int CaseCount(AngleSharp.Dom.IDocument page) =>
        int.Parse(Regex.Match(page.QuerySelector("#resultados")!.TextContent, @"\d+").Value, CultureInfo.InvariantCulture);

    private static string Search(string query) => "/biblioteca?q=" + Uri.EscapeDataString(query);

    [Fact]
    public async Task ASearchOfManyCases_CountsThemAll_OnEveryPage_AndAPagePastTheLastShowsTheLast()
    {
        await AddCasesAsync(Enumerable.Range(1, 45).Select(i => ($"Tuquito municipal {i:00}", $"Resumen del tuquito {i}.", "Cuerpo.")).ToArray());
        using var team = await TeamAsync();

        var pages = new List<AngleSharp.Dom.IDocument>();
        foreach (var number in new[] { 1, 2, 3 })
        {
            pages.Add(await team.GetPageAsync(Search("tuquito") + $"&pagina={number}"));
        }

        Assert.All(pages, page => Assert.Equal(45, CaseCount(page)));
        Assert.Equal([20, 20, 5], pages.Select(p => LibraryPage.ResultTitles(p).Count));
        Assert.Equal(45, pages.SelectMany(LibraryPage.ResultTitles).Distinct().Count());
        Assert.Equal("Página 1 de 3", pages[0].QuerySelector(".pagination [aria-current='page']")!.TextContent.Trim());

        var past = await team.GetPageAsync(Search("tuquito") + "&pagina=9");
        Assert.Equal(45, CaseCount(past));
        Assert.Equal(LibraryPage.ResultTitles(pages[2]), LibraryPage.ResultTitles(past));
        Assert.Equal("Página 3 de 3", past.QuerySelector(".pagination [aria-current='page']")!.TextContent.Trim());
        Assert.Equal(0, CaseCount(await team.GetPageAsync(Search("tuquitoinexistente") + "&pagina=2")));
    }

    [Fact]
    public async Task Search_MeetsSingularAndPlural_AndIgnoresAccentsBothWays()
    {
        await AddCasesAsync(
            ("Licencias de conducir en el teléfono", "Las licencias se renuevan sin papel.", "Trámite ágil."),
            ("Pingüino limpio", "Recolección diferenciada con camiones eléctricos.", "Menos basurales."));
        using var team = await TeamAsync();

        Assert.Contains("Licencias de conducir en el teléfono", LibraryPage.ResultTitles(await team.GetPageAsync(Search("licencia conducir"))));
        Assert.Equal(["Pingüino limpio"], LibraryPage.ResultTitles(await team.GetPageAsync(Search("pinguinos"))));
        Assert.Contains("Pingüino limpio", LibraryPage.ResultTitles(await team.GetPageAsync(Search("camion electrico"))));
        Assert.Contains("Licencias de conducir en el teléfono", LibraryPage.ResultTitles(await team.GetPageAsync(Search("TELEFONO"))));
        Assert.Contains("Pingüino limpio", LibraryPage.ResultTitles(await team.GetPageAsync(Search("recolección"))));
    }

    [Fact]
    public async Task Search_WithAnAsterisk_FindsWordsThatStartWithIt()
    {
        await AddCasesAsync(("Ornitorrincología aplicada al arbolado", "Un censo de árboles.", "Con vecinos."));
        using var team = await TeamAsync();

        Assert.Equal(["Ornitorrincología aplicada al arbolado"], LibraryPage.ResultTitles(await team.GetPageAsync(Search("ornitorrin*"))));
        Assert.Equal(["Ornitorrincología aplicada al arbolado"], LibraryPage.ResultTitles(await team.GetPageAsync(Search("ÓRNITO* censo"))));
    }

    [Fact]
    public async Task Search_InQuotes_FindsThePhraseOnly()
    {
        await AddCasesAsync(
            ("Agua zafírea para barrios", "Red de agua zafírea en barrios altos.", "Con medición."),
            ("Tanques zafíreos", "Tanques en altura; el agua llega después.", "Zafírea la pintura."));
        using var team = await TeamAsync();

        Assert.Equal(["Agua zafírea para barrios"], LibraryPage.ResultTitles(await team.GetPageAsync(Search("\"agua zafirea\""))));
        Assert.Equal(2, LibraryPage.ResultTitles(await team.GetPageAsync(Search("agua zafirea"))).Count);
    }

    [Fact]
    public async Task Search_RanksTitleAboveSummaryAboveBody()
    {
        await AddCasesAsync(
            ("Caso del cuerpo", "Un resumen cualquiera.", "El cuerpo nombra al quetzalcoatl una vez entre otras palabras."),
            ("Quetzalcoatl en el título", "Un resumen cualquiera.", "El cuerpo habla de otra cosa."),
            ("Caso del resumen", "El resumen nombra al quetzalcoatl.", "El cuerpo habla de otra cosa."));
        using var team = await TeamAsync();

        Assert.Equal(["Quetzalcoatl en el título", "Caso del resumen", "Caso del cuerpo"], LibraryPage.ResultTitles(await team.GetPageAsync(Search("quetzalcoatl"))));
    }

    [Fact]
    public async Task Results_HighlightTheMatchedWords_AndShowMarkupInTheTextAsText()
    {
        await AddCasesAsync(("Turnero municipal", "Filas más cortas.", "Menos <script>alert('x')</script> esperas con <b>aviso</b> & cafeteras en la sala \u0003 de espera."));
        using var team = await TeamAsync();

        var page = await team.GetPageAsync(Search("cafetera"));

        var excerpt = page.QuerySelector(".case-results .case-excerpt")!;
        Assert.Equal(["cafeteras"], excerpt.QuerySelectorAll("mark").Select(m => m.TextContent).ToList());
        Assert.All(excerpt.Children, c => Assert.Equal("mark", c.LocalName));
        Assert.Null(page.QuerySelector(".case-results script"));
        // PostgreSQL's excerpt drops tags, FTS5's keeps them as text: either way no element but the highlight.
        Assert.Contains("aviso", excerpt.TextContent, StringComparison.Ordinal);
        Assert.Contains("& cafeteras en la sala de espera", excerpt.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileQueries() =>
    [
        "\"",
        "\"turnero",
        "turnero\"*",
        "*",
        "**",
        "NEAR(turnero cafetera)",
        "turnero NEAR/2 cafetera",
        "(((",
        "turnero AND OR NOT",
        "-turnero",
        "turnero:*",
        "title:turnero",
        "{title summary}: turnero",
        "^turnero",
        "'; DROP TABLE \"CaseEntries\"; --",
        "!&|<->:*\\",
        new string('é', 1000),
        string.Concat(Enumerable.Repeat("turnero \"de la\" ", 70)),
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task AnyQuery_AnswersWithResultsOrASpanishMessage_NeverAnError(string query)
    {
        var cases = await factory.WithDbAsync(db => db.CaseEntries.CountAsync());
        using var team = await TeamAsync();

        var response = await team.Http.GetAsync(Search(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var heading = page.QuerySelector("#resultados")!.TextContent;
        Assert.Matches(@"\d+ casos?", heading);
        Assert.True(LibraryPage.ResultTitles(page).Count > 0 || page.Body!.TextContent.Contains("No encontramos casos", StringComparison.Ordinal));
        Assert.Equal(cases, await factory.WithDbAsync(db => db.CaseEntries.CountAsync()));
    }

    [Fact]
    public async Task AQueryOfSignsOnly_SaysSoInSpanish_AndListsEveryCase()
    {
        using var team = await TeamAsync();
        var all = await team.GetPageAsync("/biblioteca");

        var page = await team.GetPageAsync(Search("* ( ) \" -"));

        Assert.Contains("no tiene palabras que podamos buscar", page.QuerySelector("#aviso-busqueda")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CaseCount(all), CaseCount(page));
        Assert.True(CaseCount(page) > 0);
    }

    [Fact]
    public async Task EditingOrRemovingACase_UpdatesTheEngineInTheSameSave()
    {
        await AddCasesAsync(("Bicisenda guanaco", "Ciclovías nuevas.", "Con señalización."));
        using var team = await TeamAsync();
        Assert.Equal(["Bicisenda guanaco"], LibraryPage.ResultTitles(await team.GetPageAsync(Search("guanaco"))));

        await factory.WithDbAsync(async db =>
        {
            var entry = await db.CaseEntries.SingleAsync(c => c.Title == "Bicisenda guanaco");
            entry.Title = "Bicisenda vicuña";
            await db.SaveChangesAsync();
        });
        Assert.Empty(LibraryPage.ResultTitles(await team.GetPageAsync(Search("guanaco"))));
        Assert.Equal(["Bicisenda vicuña"], LibraryPage.ResultTitles(await team.GetPageAsync(Search("vicuna"))));

        await factory.WithDbAsync(async db =>
        {
            db.CaseEntries.Remove(await db.CaseEntries.SingleAsync(c => c.Title == "Bicisenda vicuña"));
            await db.SaveChangesAsync();
        });
        Assert.Empty(LibraryPage.ResultTitles(await team.GetPageAsync(Search("vicuna"))));
        Assert.Equal(await factory.WithDbAsync(db => db.CaseEntries.CountAsync()), await factory.WithDbAsync(SearchIndexRows.CountAsync));
    }
}
