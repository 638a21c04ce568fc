using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;
using Xunit.Abstractions;

namespace ProgramaInnovacion.BrowserTests.Accessibility;

/// <summary>
/// Every page each role can reach, found by following its links and GET forms from the home page:
/// axe-core with the WCAG 2.0/2.1 A and AA rules reports no violation of any impact at 1280 px and at
/// 375 px, no page scrolls sideways on the phone, and no link leads to an error. The crawl must reach
/// the pages a new user would look at (timeline, revisions and comparison, dossier, print views,
/// deadlines, municipalities, a post and a case), so a page that stops being linked fails the test
/// instead of silently leaving the crawl. With UPDATE_SCREENSHOTS=1 it also writes each role's main
/// pages at both widths to docs/screenshots (see <see cref="Screenshots"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityCrawlBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public Task Team_EveryReachablePage_IsAccessibleAndFitsAPhone() =>
        CrawlAsync("equipo", "tandil@programa.example", 35, ["/"],
            ["/proyectos/#/historial", "/etapas/\\*/revisiones", "/etapas/\\*/comparar", "/red/#", "/biblioteca/#", "/calendario", "/mesa-de-expertos"]);

    /// <summary>Everything but the administration pages, which are the administrator crawl's.</summary>
    [Fact]
    public Task Coordinator_EveryReachablePage_IsAccessibleAndFitsAPhone() =>
        CrawlAsync("coordinacion", "coordinacion@programa.example", 48, ["/", "/coordinacion"],
            ["^/coordinacion$", "^/revision$", "/coordinacion/vencimientos", "^/coordinacion/panel", "/proyectos/#/historial", "/etapas/\\*/revisiones",
                "/etapas/\\*/comparar", "/etapas/\\*/revision$", "/proyectos/#/dossier", "/imprimir", "/red/#", "/biblioteca/#", "/calendario"],
            follow: new Regex("^/(?!admin)"));

    /// <summary>The administration pages; what an administrator shares with coordinators is the coordinator crawl's.</summary>
    [Fact]
    public Task Administrator_EveryReachablePage_IsAccessibleAndFitsAPhone() =>
        CrawlAsync("administracion", "admin@programa.example", 24, ["/admin", "/calendario"],
            ["/admin/municipios", "/admin/usuarios", "/admin/ediciones/#/etapas", "/admin/auditoria", "/calendario/nueva"],
            follow: new Regex("^/(admin|calendario/nueva|calendario/#)"));

    [Fact]
    public async Task Expert_AfterDeclaring_EveryReachablePage_IsAccessibleAndFitsAPhone()
    {
        // An expert of their own, assigned to a project whose final project is approved (the panel
        // is open), who declares no conflict through the form like a real expert.
        const string email = "rastreo.accesibilidad@experto.example";
        var expert = await browser.Factory.CreateUserAsync(email, Roles.Expert);
        var projectId = await browser.Factory.WithDbAsync(async db =>
        {
            var id = await db.ProjectStages
                .Where(s => s.StageDefinition.Role == StageRole.FinalProject && s.State == StageState.Approved
                    && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName)
                .OrderBy(s => s.ProjectId).Select(s => s.ProjectId).FirstAsync();
            db.PanelAssignments.Add(new PanelAssignment
            {
                ProjectId = id,
                ExpertId = expert.Id,
                AssignedAtUtc = browser.Factory.Time.GetUtcNow().UtcDateTime,
                Declaration = ConflictDeclaration.Pending,
            });
            await db.SaveChangesAsync();
            return id;
        });

        await CrawlAsync("experto", email, 16, ["/"], ["^/panel$", "/panel/proyectos/#/evaluacion", "/imprimir"], async session =>
        {
            await session.GotoAsync($"/panel/proyectos/{projectId}");
            await session.Page.GetByLabel("Declaro que no tengo conflicto de interés con este proyecto").CheckAsync();
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Registrar declaración" }).ClickAsync();
            await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("no tenés conflicto de interés");
        });
    }

    /// <summary>A mentor of the alliance reads the projects assigned to them and the shared calendar.</summary>
    [Fact]
    public Task Mentor_EveryReachablePage_IsAccessibleAndFitsAPhone() =>
        CrawlAsync("mentor", Core.Data.Seeding.MentorDemoSeeder.AwsMentorEmail, 20, ["/"], ["^/$", "^/proyectos/#/etapas/desafio$", "^/proyectos/#/etapas/proyecto-final$", "/calendario"]);

    [Fact]
    public Task Anonymous_EveryReachablePage_IsAccessibleAndFitsAPhone() =>
        CrawlAsync("publico", null, 7, ["/cuenta/ingresar", "/invitacion/no-es-un-enlace-valido", "/no-existe-esta-pagina"],
            ["/cuenta/ingresar", "/cuenta/olvide-mi-contrasena"]);

    private async Task CrawlAsync(string role, string? email, int minShapes, string[] seeds, string[] mustReach,
        Func<BrowserSession, Task>? arrange = null, Regex? follow = null)
    {
        var watch = Stopwatch.StartNew();
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        if (email is not null)
        {
            await session.SignInAsync(email);
        }

        if (arrange is not null)
        {
            await arrange(session);
        }

        var problems = new List<string>();
        var crawler = new PageCrawler(session);
        // Where the time goes, in the test's output: the rest is loading pages and reading their links.
        Stopwatch axeTime = new(), widthTime = new(), visitTime = new();
        var crawlStarted = watch.Elapsed;
        var (visited, broken) = await crawler.CrawlAsync(seeds, async path =>
        {
            visitTime.Start();
            foreach (var width in new[] { VisibleLayout.DesktopWidth, VisibleLayout.PhoneWidth })
            {
                widthTime.Start();
                await page.SetViewportSizeAsync(width, 900);
                widthTime.Stop();
                axeTime.Start();
                problems.AddRange((await session.WcagViolationsAsync()).Select(v => $"{path} a {width} px: {v}"));
                axeTime.Stop();
                widthTime.Start();
                if (width == VisibleLayout.PhoneWidth && await VisibleLayout.PageOverflowAsync(page) is { } overflow)
                {
                    problems.Add($"{path}: {overflow}");
                }

                widthTime.Stop();
                await Screenshots.SaveIfMainPageAsync(page, role, path);
            }

            visitTime.Stop();
        }, follow);

        output.WriteLine($"{role}: {visited.Count} páginas en {watch.Elapsed.TotalSeconds:F0} s: ingreso {crawlStarted.TotalSeconds:F1} s, "
            + $"carga y enlaces {(watch.Elapsed - crawlStarted - visitTime.Elapsed).TotalSeconds:F1} s, axe {axeTime.Elapsed.TotalSeconds:F1} s, "
            + $"anchos y desborde {widthTime.Elapsed.TotalSeconds:F1} s");
        foreach (var path in visited)
        {
            output.WriteLine($"  {PageCrawler.Shape(path)}  ({path})");
        }

        problems.AddRange(broken);
        // One page per shape (PageCrawler.PagesPerShape): the count of shapes is what the crawl
        // covers, so a role that stops reaching a view fails here even if no pattern names it.
        if (visited.Count < minShapes)
        {
            problems.Add($"el rastreo llegó a {visited.Count} formas de página; antes llegaba a {minShapes} (si una página dejó de existir a propósito, bajá el mínimo)");
        }

        problems.AddRange(mustReach.Where(pattern => !visited.Any(path => Regex.IsMatch(PageCrawler.Shape(path), pattern)))
            .Select(pattern => $"el rastreo no llegó a ninguna página {pattern}"));
        Assert.True(problems.Count == 0, $"{problems.Count} problemas en {visited.Count} páginas de «{role}»:\n" + string.Join("\n", problems));
    }
}
