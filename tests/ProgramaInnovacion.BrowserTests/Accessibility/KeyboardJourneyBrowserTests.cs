using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Accessibility;

/// <summary>
/// Two people who only use the keyboard: a team member signs in, fills «Desafío» and submits it; a
/// coordinator reaches it from the menu and approves it. Every Tab stop shows a focus indicator
/// inside the window, the skip link moves focus to the main content, and no page traps the focus.
/// </summary>
[Collection(BrowserCollection.Name)]
public class KeyboardJourneyBrowserTests(BrowserFixture browser)
{
    private static readonly (string Id, string Text)[] DesafioFields =
    [
        ("f-titulo", "Turnos del centro de salud en línea"),
        ("f-problema", "Para pedir un turno hay que hacer fila desde las 6 de la mañana."),
        ("f-poblacion", "Unas 12.000 personas por año, muchas mayores de 65."),
        ("f-evidencia", "Registro de turnos 2021 y encuesta a 300 pacientes."),
        ("f-pregunta", "¿Cómo podríamos dar un turno sin que nadie haga fila?"),
        ("f-area", "Secretaría de Salud"),
        ("f-digitalizacion", "El turno pasa a la plataforma de trámites digitales."),
    ];

    [Fact]
    public async Task TeamFillsAndSubmitsAStage_CoordinatorApprovesIt_UsingOnlyTheKeyboard()
    {
        var (projectId, email) = await BrowserTeams.NewTeamAsync(browser, "Necochea");
        var stageUrl = $"/proyectos/{projectId}/etapas/desafio";

        await using (var team = await browser.NewSessionAsync())
        {
            var page = team.Page;
            await SignInWithKeyboardAsync(team, email);

            // From the home page to the stage with Tab and Enter.
            await KeyboardOnly.UseSkipLinkAsync(page);
            await KeyboardOnly.TabToAsync(page, $"a[href$='{stageUrl}']");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(u => u.EndsWith(stageUrl, StringComparison.Ordinal));

            await KeyboardOnly.UseSkipLinkAsync(page);
            foreach (var (id, text) in DesafioFields)
            {
                await KeyboardOnly.TabToAsync(page, $"#{id}");
                await page.Keyboard.TypeAsync(text);
            }

            await KeyboardOnly.TabToAsync(page, "button", "Entregar a la coordinación");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Confirmá la entrega de «Desafío»");
            await KeyboardOnly.TabToAsync(page, "button", "Sí, entregar a la coordinación");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Entregaste «Desafío»");
            await KeyboardOnly.AssertNoTrapAsync(page);
        }

        Assert.Equal(StageState.Submitted, await StateAsync(projectId));
        var stored = await browser.Factory.WithDbAsync(db => db.Deliverables
            .Where(d => d.ProjectStage.ProjectId == projectId).Select(d => d.ContentJson).SingleAsync());
        Assert.Contains("¿Cómo podríamos dar un turno sin que nadie haga fila?", stored, StringComparison.Ordinal);

        await using (var coordinator = await browser.NewSessionAsync())
        {
            var page = coordinator.Page;
            await SignInWithKeyboardAsync(coordinator, "coordinacion@programa.example");

            // The menu's "Coordinación" opens with Enter; its items follow in Tab order.
            await KeyboardOnly.TabToAsync(page, "button.dropdown-toggle", "Coordinación");
            await page.Keyboard.PressAsync("Enter");
            await KeyboardOnly.TabToAsync(page, "a.dropdown-item", "Entregas por revisar");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(u => u.EndsWith("/revision", StringComparison.Ordinal));

            await KeyboardOnly.UseSkipLinkAsync(page);
            await KeyboardOnly.TabToAsync(page, $"a[href$='{stageUrl}/revision']");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(u => u.EndsWith(stageUrl + "/revision", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Turnos del centro de salud en línea");

            await KeyboardOnly.TabToAsync(page, "#comentario-aprobacion");
            await page.Keyboard.TypeAsync("Muy claro el problema y la evidencia.");
            await KeyboardOnly.TabToAsync(page, "button", "Aprobar");
            await page.Keyboard.PressAsync("Enter");
            // Back to the list of submissions to review (the review page's own path ends in /revision too).
            await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/revision");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await KeyboardOnly.AssertNoTrapAsync(page);
        }

        Assert.Equal(StageState.Approved, await StateAsync(projectId));
    }

    private Task<StageState> StateAsync(int projectId) => browser.Factory.WithDbAsync(db => db.ProjectStages
        .Where(s => s.ProjectId == projectId && s.StageDefinition.Key == "desafio").Select(s => s.State).SingleAsync());

    /// <summary>The sign-in form by keyboard: Tab to each field, type, Enter submits.</summary>
    private static async Task SignInWithKeyboardAsync(BrowserSession session, string email)
    {
        var page = session.Page;
        await session.GotoAsync("/cuenta/ingresar");
        await KeyboardOnly.UseSkipLinkAsync(page);
        await KeyboardOnly.TabToAsync(page, "input[type=email]");
        await page.Keyboard.TypeAsync(email);
        await KeyboardOnly.TabToAsync(page, "input[type=password]");
        await page.Keyboard.TypeAsync(Core.Data.Seeding.DemoSeeder.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("/cuenta/ingresar", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
    }
}
