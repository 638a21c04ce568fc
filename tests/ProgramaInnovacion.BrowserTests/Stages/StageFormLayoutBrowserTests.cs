using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Stages;

/// <summary>
/// Every team stage form as a person sees it, at a desktop and a phone width: every field visible
/// with a real size inside the window (a wide table scrolls inside its own box, never the page),
/// "Agregar fila" shows a row one can see, and axe stays clean. Screenshots go to
/// TestResults/screenshots for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StageFormLayoutBrowserTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [VisibleLayout.DesktopWidth, VisibleLayout.PhoneWidth];

    /// <summary>
    /// A team of its own whose nine stages with a team form are all open at once, so one person
    /// sees every form of the edition (the demo teams only have one editable stage each).
    /// </summary>
    private async Task<(int ProjectId, string Email, IReadOnlyList<string> StageKeys)> TeamWithEveryFormOpenAsync()
    {
        var slug = "formularios" + Guid.NewGuid().ToString("N")[..8];
        var factory = browser.Factory;
        var keys = await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            var municipality = new Municipality { Name = "Azul " + slug[^4..], Province = "Buenos Aires", Slug = slug };
            var project = ProjectFactory.Create(edition, municipality, factory.Time.GetUtcNow().UtcDateTime);
            // Arrangement, not a journey: the workflow would open them one approval at a time.
            foreach (var stage in project.Stages.Where(s => s.StageDefinition.HasTeamForm))
            {
                db.ForceState(stage, StageState.Available);
            }

            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return edition.Stages.Where(s => s.HasTeamForm).OrderBy(s => s.Order).Select(s => s.Key).ToList();
        });
        var email = slug + "@programa.example";
        await factory.CreateUserAsync(email, Roles.MunicipalTeam, slug);
        var projectId = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());
        return (projectId, email, keys);
    }

    [Fact]
    public async Task EveryStageForm_ShowsEveryFieldAndAddedRowsInsideTheWindow_AtDesktopAndPhoneWidths()
    {
        var (projectId, email, keys) = await TeamWithEveryFormOpenAsync();
        Assert.Equal(9, keys.Count);
        await using var team = await browser.NewSessionAsync();
        await team.SignInAsync(email);
        foreach (var width in Widths)
        {
            await team.Page.SetViewportSizeAsync(width, 900);
            foreach (var key in keys)
            {
                await AssertFormUsableAsync(team, $"/proyectos/{projectId}/etapas/{key}", $"etapa-{key}");
            }
        }
    }

    [Fact]
    public async Task DemoTeamsEditableForms_ShowTheirSavedRowsInsideTheWindow_AtDesktopAndPhoneWidths()
    {
        var editable = await browser.Factory.WithDbAsync(db => db.ProjectStages
            .Where(s => s.Project.IsDemo && s.StageDefinition.HasTeamForm
                && (s.State == StageState.Available || s.State == StageState.InProgress || s.State == StageState.ChangesRequested))
            .OrderBy(s => s.ProjectId)
            .Select(s => new { s.ProjectId, s.Project.Municipality.Slug, s.StageDefinition.Key })
            .ToListAsync());
        // Jesús María (changes requested on stage 4) and Bahía Blanca (stage 7 in progress), with rows saved.
        Assert.True(editable.Count >= 2, $"La demostración tiene {editable.Count} formularios editables.");

        foreach (var stage in editable)
        {
            var email = DemoSeeder.Accounts.Single(a => a.MunicipalitySlug == stage.Slug).Email;
            await using var team = await browser.NewSessionAsync();
            await team.SignInAsync(email);
            foreach (var width in Widths)
            {
                await team.Page.SetViewportSizeAsync(width, 900);
                // Only "Agregar fila" in the page: nothing is saved, the demo stays as seeded.
                await AssertFormUsableAsync(team, $"/proyectos/{stage.ProjectId}/etapas/{stage.Key}", $"demo-{stage.Slug}-{stage.Key}");
            }
        }
    }

    [Fact]
    public async Task AddRow_WithoutJavaScript_ShowsTheNewEmptyRowOnAPhone()
    {
        var (projectId, email, _) = await TeamWithEveryFormOpenAsync();
        await using var team = await browser.NewSessionAsync(javaScriptEnabled: false);
        await team.SignInAsync(email);
        var page = team.Page;
        await page.SetViewportSizeAsync(VisibleLayout.PhoneWidth, 900);
        await team.GotoAsync($"/proyectos/{projectId}/etapas/casos");

        await page.GetByRole(AriaRole.Button, new() { Name = "Agregar fila a «Casos»" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Se agregó una fila vacía");
        var table = page.GetByRole(AriaRole.Region, new() { Name = "Tabla «Casos»" });
        await Assertions.Expect(table.Locator("tbody > tr")).ToHaveCountAsync(1);
        await Assertions.Expect(table.GetByLabel("Ciudad u organización, fila 1")).ToBeVisibleAsync();
        await VisibleLayout.AssertEveryControlVisibleAsync(page.Locator("#form-entregable"), "«Estudio de casos» sin JavaScript, con una fila agregada");
        await VisibleLayout.SaveScreenshotAsync(page, "sin-javascript-casos");
    }

    /// <summary>
    /// The form at the page's current width: axe, every control visible, every saved table row's
    /// cells visible, and each "Agregar fila" adding a row a person can see; then a screenshot.
    /// </summary>
    private static async Task AssertFormUsableAsync(BrowserSession team, string url, string screenshotName)
    {
        var page = team.Page;
        await team.GotoAsync(url);
        var form = page.Locator("#form-entregable");
        // axe once per form, at the phone width where every table scrolls in its box
        // (scrollable-region-focusable); the rest of the page is other tests' business.
        if (page.ViewportSize?.Width == VisibleLayout.PhoneWidth)
        {
            await team.AssertNoSeriousA11yViolationsAsync(form);
        }

        await VisibleLayout.AssertEveryControlVisibleAsync(form, url);

        var tables = await form.Locator("tbody[data-rows]").EvaluateAllAsync<string[]>("bodies => bodies.map(b => b.dataset.rows)");
        foreach (var key in tables)
        {
            var label = await form.Locator($"tbody[data-rows='{key}']").Locator("xpath=ancestor::table/caption").InnerTextAsync();
            var rows = form.Locator($"tbody[data-rows='{key}'] > tr");
            var before = await rows.CountAsync();
            if (before > 0)
            {
                await Assertions.Expect(rows.First.Locator("input, select, textarea").First).ToBeVisibleAsync();
            }

            await form.GetByRole(AriaRole.Button, new() { Name = $"Agregar fila a «{label}»" }).ClickAsync();

            await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
            var firstCell = rows.Nth(before).Locator("input, select, textarea").First;
            await Assertions.Expect(firstCell).ToBeVisibleAsync();
            await Assertions.Expect(firstCell).ToBeFocusedAsync();
            await Assertions.Expect(firstCell).ToBeInViewportAsync();

            // The table's scroll box is a named region a keyboard user can reach and scroll
            // (axe: scrollable-region-focusable).
            var region = form.GetByRole(AriaRole.Region, new() { Name = $"Tabla «{label}»", Exact = true });
            await Assertions.Expect(region.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
            await Assertions.Expect(region).ToHaveAttributeAsync("tabindex", "0");
        }

        await VisibleLayout.AssertEveryControlVisibleAsync(form, tables.Length == 0 ? url : url + " con una fila agregada a cada tabla");
        await VisibleLayout.SaveScreenshotAsync(page, screenshotName);
    }
}
