using System.Net;
using AngleSharp.Dom;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// Follows every same-site link a person can reach from their home, as each role, and fails on
/// any broken link (4xx) or server error (5xx), and on an HTML page without a main heading. GET
/// links only: nothing here changes data. Catches what feature tests miss when features meet.
/// </summary>
public class SiteCrawlTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int MaxPagesPerRole = 400;
    private const int MaxQueryVariantsPerPath = 3;

    [Theory]
    [InlineData("admin@programa.example")]
    [InlineData("coordinacion@programa.example")]
    [InlineData("tandil@programa.example")]
    [InlineData("bariloche@programa.example")]
    [InlineData("experta1@programa.example")]
    public async Task EveryLinkReachableFromTheHome_Answers_WithoutErrors(string email)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var variantsPerPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        queue.Enqueue(("/", "(inicio)"));
        var problems = new List<string>();

        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var (url, from) = queue.Dequeue();
            if (!visited.Add(url))
            {
                continue;
            }

            using var response = await client.Http.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                var location = response.Headers.Location?.OriginalString;
                if (location is null || location.Contains("/cuenta/ingresar", StringComparison.Ordinal) || location.Contains("/cuenta/acceso-denegado", StringComparison.Ordinal))
                {
                    problems.Add($"{url} (enlazada desde {from}) redirige a {location ?? "(sin destino)"}");
                }
                else
                {
                    Enqueue(location, url);
                }

                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{url} (enlazada desde {from}) respondió {status}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await PortalClient.ParseAsync(response);
            if (page.QuerySelector("h1") is null)
            {
                problems.Add($"{url} no tiene un encabezado principal (h1)");
            }

            problems.AddRange(TablesOutsideANamedScrollRegion(page).Select(table => $"{url}: {table}"));

            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                Enqueue(href, url);
            }
        }

        output.WriteLine($"{email}: {visited.Count} direcciones recorridas");
        Assert.True(problems.Count == 0, $"Recorrido como {email} ({visited.Count} páginas):\n" + string.Join("\n", problems));
        Assert.True(visited.Count > 3, $"Como {email} solo se alcanzaron {visited.Count} páginas: el inicio no enlaza nada.");

        // Issue 15: on a phone a wide table scrolls in its own box, which a keyboard user can reach
        // (tabindex 0) and a screen reader announces by name (a region labelled by the caption).
        static IEnumerable<string> TablesOutsideANamedScrollRegion(IDocument page)
        {
            foreach (var table in page.QuerySelectorAll("table.table"))
            {
                var box = table.Closest(".table-responsive");
                var name = box?.GetAttribute("aria-label")
                    ?? (box?.GetAttribute("aria-labelledby") is { } id ? page.GetElementById(id)?.TextContent.Trim() : null);
                if (box is null || box.GetAttribute("role") != "region" || box.GetAttribute("tabindex") != "0" || string.IsNullOrWhiteSpace(name))
                {
                    var caption = table.QuerySelector("caption")?.TextContent.Trim() ?? table.ClassName;
                    yield return $"la tabla «{caption}» no está en una región desplazable con nombre y tabindex=\"0\"";
                }
            }
        }

        void Enqueue(string href, string from)
        {
            if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
            {
                return; // external, mailto:, fragment-only and scheme links are out of scope
            }

            var url = href.Split('#')[0];
            if (url.Length == 0 || visited.Contains(url))
            {
                return;
            }

            var path = url.Split('?')[0];
            if (url.Contains('?', StringComparison.Ordinal))
            {
                variantsPerPath[path] = variantsPerPath.GetValueOrDefault(path) + 1;
                if (variantsPerPath[path] > MaxQueryVariantsPerPath)
                {
                    return;
                }
            }

            queue.Enqueue((url, from));
        }
    }
}
