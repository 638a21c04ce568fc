using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Results;

/// <summary>
/// The public showcase's output cache (issue 14): anonymous visitors after the first get the stored
/// page without a database command; the coordination's withdrawal is seen at once; a signed-in
/// person is never served the stored page. Its own factory: the test withdraws a publication.
/// </summary>
public class ShowcaseCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnonymousVisitors_GetTheStoredPage_UntilTheCoordinationWithdrawsAProject_AndSignedInPeopleNever()
    {
        var (editionId, bahia) = await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Where(e => e.Name == ReferenceData.FirstEditionName).Select(e => e.Id).SingleAsync();
            var project = await db.Projects.Where(p => p.EditionId == edition && p.Municipality.Slug == "bahiablanca").Select(p => p.Id).SingleAsync();
            return (edition, project);
        });
        var url = $"/vitrina/{editionId}";
        using var visitor = factory.CreatePortalClient();
        static List<string> Projects(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll(".showcase-project h2").Select(h => h.TextContent).ToList();

        var first = await visitor.GetPageAsync(url);
        Assert.Contains(Projects(first), p => p.StartsWith("Bahía Blanca", StringComparison.Ordinal));
        AngleSharp.Dom.IDocument? again = null;
        var commands = await factory.SqlCounter.RecordAsync(async () => again = await visitor.GetPageAsync(url));
        Assert.Empty(commands);
        Assert.Equal(first.DocumentElement.OuterHtml, again!.DocumentElement.OuterHtml);
        using var cached = await visitor.Http.GetAsync(url);
        Assert.Equal("public, max-age=300", cached.Headers.CacheControl!.ToString());
        Assert.False(cached.Headers.Contains("Set-Cookie"));

        // A signed-in coordinator reads the showcase from the database, with their own name in the header.
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync(DemoSeeder.CoordinatorEmail);
        AngleSharp.Dom.IDocument? signedIn = null;
        var signedInCommands = await factory.SqlCounter.RecordAsync(async () => signedIn = await coordinator.GetPageAsync(url));
        Assert.NotEmpty(signedInCommands);
        static List<string> Buttons(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Salir", Buttons(signedIn!));
        Assert.DoesNotContain("Salir", Buttons(await visitor.GetPageAsync(url)));

        // The coordination withdraws Bahía Blanca's project: the next anonymous visitor no longer sees it.
        var withdrawn = await coordinator.SubmitFormAsync($"/proyectos/{bahia}/seguimiento", $"form[action='/proyectos/{bahia}/seguimiento/vitrina/retirar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = Projects(await visitor.GetPageAsync(url));
        Assert.Equal(2, after.Count);
        Assert.DoesNotContain(after, p => p.StartsWith("Bahía Blanca", StringComparison.Ordinal));
    }
}
