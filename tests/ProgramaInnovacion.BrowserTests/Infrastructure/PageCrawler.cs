using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ProgramaInnovacion.BrowserTests.Infrastructure;

/// <summary>
/// Walks every page a signed-in person can reach from the seeds by following links and submitting
/// search/filter forms (GET) with their default values — never a POST, so the demo is not changed.
/// Pages of one shape (the same path with other ids, e.g. a second project's timeline) repeat the
/// same view, so only <see cref="PagesPerShape"/> of each are visited: the crawl stays a few minutes
/// while still reaching every view of every role.
/// </summary>
public sealed partial class PageCrawler(BrowserSession session)
{
    public const int PagesPerShape = 1;

    /// <summary>Enough for every view of the largest role (the administrator reaches ~80 shapes).</summary>
    public const int MaxPages = 220;

    // Links and GET forms of the page, as absolute URLs of this site.
    private const string LinksScript = """
        () => {
            const urls = [...document.querySelectorAll('a[href]')]
                .filter(a => !a.hasAttribute('download'))
                .map(a => a.href);
            for (const form of document.querySelectorAll('form')) {
                if ((form.getAttribute('method') || 'get').toLowerCase() !== 'get') continue;
                const url = new URL(form.action, location.href);
                url.search = new URLSearchParams(new FormData(form)).toString();
                urls.push(url.href);
            }
            return urls.filter(u => u.startsWith(location.origin)).map(u => u.split('#')[0]);
        }
        """;

    // Files, feeds and exports are downloads, not pages; signing out ends the crawl's session.
    [GeneratedRegex(@"(\.(csv|xlsx|ics|pdf|zip|png|jpe?g|docx?)$)|/adjuntos/|/archivos/|/exportar|/cuenta/salir|/pdf(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+")]
    private static partial Regex Ids();

    // A stage's revisions, comparison, review and shared copy are one view whatever the stage, and
    // so is the template editor's page of each field; a stage's form (/proyectos/#/etapas/actores)
    // is not: each stage has its own fields.
    [GeneratedRegex(@"/etapas/[a-z-]+(?=/)|(?<=/red/proyectos/#/etapas/)[a-z-]+|(?<=/campos/)[a-z-]+")]
    private static partial Regex StageOfASubPage();

    /// <summary>The page's path with ids (numbers, GUIDs) and the stage of a stage's sub-page as placeholders.</summary>
    public static string Shape(string pathAndQuery)
    {
        var shape = Ids().Replace(pathAndQuery, "#");
        return StageOfASubPage().Replace(shape, m => m.Value.StartsWith('/') ? "/etapas/*" : "*");
    }

    /// <summary>
    /// Visits the pages reachable from <paramref name="seeds"/> (only links matching <paramref name="follow"/>, when given), calling <paramref name="visit"/> on
    /// each once it has loaded. Returns the visited paths and a problem per page that did not answer 200
    /// (a seed may answer another status below 500: error pages are pages too).
    /// </summary>
    public async Task<(IReadOnlyList<string> Visited, IReadOnlyList<string> Problems)> CrawlAsync(
        IEnumerable<string> seeds, Func<string, Task> visit, Regex? follow = null)
    {
        var page = session.Page;
        var origin = new Uri(session.Url("/")).GetLeftPart(UriPartial.Authority);
        var queue = new Queue<string>(seeds);
        var seedSet = queue.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var perShape = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = new List<string>();
        var problems = new List<string>();
        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            var shape = Shape(path);
            var count = perShape.GetValueOrDefault(shape);
            if (count >= PagesPerShape)
            {
                continue;
            }

            perShape[shape] = count + 1;
            var response = await page.GotoAsync(session.Url(path));
            // A seed may be an error page on purpose (404, 403): it is a page people see too.
            var answered = response is not null && (response.Status == 200 || (seedSet.Contains(path) && response.Status < 500));
            if (!answered)
            {
                problems.Add($"{path}: respondió {response?.Status}");
                continue;
            }

            if (!page.Url.StartsWith(origin, StringComparison.Ordinal))
            {
                continue;
            }

            visited.Add(path);
            await visit(path);
            foreach (var url in await page.EvaluateAsync<string[]>(LinksScript))
            {
                var next = url[origin.Length..];
                if (next.Length == 0)
                {
                    next = "/";
                }

                if (!NotAPage().IsMatch(next) && (follow is null || follow.IsMatch(next)) && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return (visited, problems);
    }
}
