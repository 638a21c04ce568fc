using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Results;

namespace ProgramaInnovacion.IntegrationTests.Results;

public class ShowcaseTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Secrets = ["BORRADOR-SECRETO", "COMENTARIO-SECRETO", "RECOMENDACION-SIN-CONSENTIMIENTO", "Dirección de Modernización"];

    private Task<int> ClosedEditionIdAsync() =>
        factory.WithDbAsync(db => db.Editions.Where(e => e.Name == ReferenceData.FirstEditionName).Select(e => e.Id).SingleAsync());

    [Fact]
    public async Task Showcase_ShowsOnlyThePublishedProjects_ToAnAnonymousVisitor_WithoutCookieOrAntiforgeryToken()
    {
        var editionId = await ClosedEditionIdAsync();
        using var client = factory.CreatePortalClient();
        var response = await client.Http.GetAsync($"/vitrina/{editionId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join(" / ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []));
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);

        var page = await PortalClient.ParseAsync(response);
        var projects = page.QuerySelectorAll(".showcase-project h2").Select(h => h.TextContent).ToList();
        Assert.Equal(3, projects.Count);
        Assert.Contains(projects, p => p.StartsWith("Tandil", StringComparison.Ordinal));
        Assert.Contains(projects, p => p.StartsWith("Bahía Blanca", StringComparison.Ordinal));
        Assert.DoesNotContain(projects, p => p.Contains("Jesús María", StringComparison.Ordinal) || p.Contains("Gualeguaychú", StringComparison.Ordinal));
        Assert.Contains("Rafaela", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[property='og:title']"));
    }

    [Fact]
    public async Task Showcase_NeverShowsContacts_Comments_Drafts_OrUnconsentedRecommendations()
    {
        var editionId = await ClosedEditionIdAsync();
        var secrets = await factory.WithDbAsync(async db =>
        {
            var bariloche = await db.Projects.Where(p => p.EditionId == editionId && p.Municipality.Slug == "bariloche").Select(p => p.Id).SingleAsync();
            var finalStage = await db.ProjectStages.Include(s => s.Deliverable)
                .SingleAsync(s => s.ProjectId == bariloche && s.StageDefinition.Role == StageRole.FinalProject);
            // A later draft of the published project: only the approved submission may be public.
            finalStage.Deliverable!.ContentJson = """{"resumen":"BORRADOR-SECRETO que nadie aprobó"}""";
            db.Comments.Add(new Comment { DeliverableId = finalStage.Deliverable.Id, AuthorId = db.Users.First().Id, BodyMarkdown = "COMENTARIO-SECRETO", CreatedAtUtc = DateTime.UtcNow });
            var evaluation = await db.PanelEvaluations.FirstAsync(e => e.Assignment.ProjectId == bariloche);
            db.PanelRecommendations.Add(new PanelRecommendation { EvaluationId = evaluation.Id, Text = "RECOMENDACION-SIN-CONSENTIMIENTO", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return true;
        });
        Assert.True(secrets);
        // Written behind the portal's back: another test of this class may have left the showcase in its output cache.
        await ShowcaseCache.ForgetAsync(factory.Services.GetRequiredService<IOutputCacheStore>());

        using var client = factory.CreatePortalClient();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/vitrina", "/sitemap.xml"]);
        while (queue.Count > 0 && visited.Count < 30)
        {
            var url = queue.Dequeue();
            if (!visited.Add(url))
            {
                continue;
            }

            var response = await client.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Contacto", body, StringComparison.Ordinal);
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(body, "(?:href=\"|<loc>)(?:https?://[^/]+)?(/vitrina[^\"<]*)"))
            {
                queue.Enqueue(link.Groups[1].Value);
            }
        }

        Assert.Contains($"/vitrina/{editionId}", visited);
    }

    [Fact]
    public async Task AnEditionWithNothingPublished_IsNotFound_AndAMatchingETagIsNotModified()
    {
        var current = await factory.WithDbAsync(db => db.Editions.Where(e => e.Name == DemoSeeder.CurrentEditionName).Select(e => e.Id).SingleAsync());
        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/vitrina/{current}")).StatusCode);

        var editionId = await ClosedEditionIdAsync();
        var first = await client.Http.GetAsync($"/vitrina/{editionId}");
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/vitrina/{editionId}");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, (await client.Http.SendAsync(again)).StatusCode);

        var sitemap = await client.Http.GetStringAsync("/sitemap.xml");
        Assert.Contains($"/vitrina/{editionId}</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain($"/vitrina/{current}</loc>", sitemap, StringComparison.Ordinal);
    }
}
