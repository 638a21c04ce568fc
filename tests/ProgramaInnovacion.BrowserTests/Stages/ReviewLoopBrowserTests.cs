using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Stages;

[Collection(BrowserCollection.Name)]
public class ReviewLoopBrowserTests(BrowserFixture browser)
{
    private const string Coordinator = "coordinacion@programa.example";

    [Fact]
    public async Task TeamSubmitsDesafio_CoordinatorRequestsChanges_TeamResubmits_CoordinatorApproves_AndMapeoDeActoresOpens()
    {
        var (projectId, email) = await BrowserTeams.NewTeamAsync(browser, "Olavarría");
        var stageUrl = $"/proyectos/{projectId}/etapas/desafio";
        await using var team = await browser.NewSessionAsync();
        await using var coordinator = await browser.NewSessionAsync();
        await team.SignInAsync(email);
        await coordinator.SignInAsync(Coordinator);

        // The team starts from "Próximo paso" and fills in the form.
        await team.Page.GetByRole(AriaRole.Link, new() { Name = "Empezar «Desafío»" }).ClickAsync();
        await team.Page.WaitForURLAsync(u => u.EndsWith(stageUrl, StringComparison.Ordinal));
        await team.AssertNoSeriousA11yViolationsAsync();
        var page = team.Page;
        await page.Locator("#f-titulo").FillAsync("Habilitaciones comerciales en línea");
        await page.Locator("#f-problema").FillAsync("La habilitación comercial tarda **45 días** y exige ir tres veces al municipio.");
        await page.Locator("#f-poblacion").FillAsync("Unos 900 comercios por año.");
        await page.Locator("#f-evidencia").FillAsync("Registro de expedientes 2020.");
        await page.Locator("#f-pregunta").FillAsync("¿Cómo podríamos habilitar un comercio en menos de 10 días?");
        await page.Locator("#f-area").FillAsync("Secretaría de Desarrollo Económico");
        // "Vínculo con la digitalización" is still empty: the submit is refused, in place, with nothing lost.
        await page.GetByRole(AriaRole.Button, new() { Name = "Entregar a la coordinación" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-digitalizacion-error")).ToContainTextAsync("Completá «Vínculo con la digitalización de servicios».");
        await Assertions.Expect(page.Locator("#f-titulo")).ToHaveValueAsync("Habilitaciones comerciales en línea");
        await page.Locator("#resumen-errores a[href='#f-digitalizacion']").ClickAsync();
        await page.Locator("#f-digitalizacion").FillAsync("El trámite pasa a la plataforma de trámites digitales.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entregar a la coordinación" }).ClickAsync();
        // A complete form asks once more before it goes to the coordination.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Confirmá la entrega de «Desafío»");
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Sí, entregar a la coordinación" });
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "No, guardar como borrador" })).ToBeVisibleAsync();
        await team.AssertNoSeriousA11yViolationsAsync();
        await confirm.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Entregaste «Desafío»");
        await Assertions.Expect(page.Locator(".state-badge").First).ToContainTextAsync("Entregada");

        // The coordinator finds it in the queue and asks for changes.
        await coordinator.GotoAsync("/revision");
        await coordinator.Page.Locator($"a[href='{stageUrl}/revision']").ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("h1")).ToContainTextAsync("Revisión");
        await coordinator.AssertNoSeriousA11yViolationsAsync();
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Solicitar cambios" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("#comentario-error")).ToContainTextAsync("comentario");
        await coordinator.Page.GetByLabel("Cambios que pedís al equipo").FillAsync("Sumen la **evidencia** de reclamos del 147.");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Solicitar cambios" }).ClickAsync();
        await coordinator.Page.WaitForURLAsync(u => u.EndsWith("/revision", StringComparison.Ordinal));

        // The team reads the comment, fixes the evidence and resubmits.
        await team.GotoAsync(stageUrl);
        await Assertions.Expect(page.Locator("#comentarios")).ToContainTextAsync("reclamos del 147");
        await page.Locator("#f-evidencia").FillAsync("Registro de expedientes 2020 y 312 reclamos al 147 en 2021.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entregar a la coordinación" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sí, entregar a la coordinación" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Entregaste «Desafío»");

        // The coordinator compares with the previous submission and approves.
        await coordinator.GotoAsync(stageUrl + "/revision");
        await Assertions.Expect(coordinator.Page.Locator("#cambios-titulo + *")).ToBeVisibleAsync();
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Ver la comparación completa" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("h1")).ToContainTextAsync("Comparación");
        await Assertions.Expect(coordinator.Page.Locator("main")).ToContainTextAsync("312 reclamos");
        await coordinator.AssertNoSeriousA11yViolationsAsync();
        await coordinator.GotoAsync(stageUrl + "/revision");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Aprobar" }).ClickAsync();
        await coordinator.Page.WaitForURLAsync(u => u.EndsWith("/revision", StringComparison.Ordinal));

        // "Mapeo de actores" is now open for the team.
        await team.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mapeo de actores" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Mapeo de actores");
        await Assertions.Expect(page.Locator("#f-actores")).ToBeVisibleAsync();

        // The table form: "Agregar fila" (enhanced by JavaScript) adds labelled cells a person can
        // see (not only in the DOM: issue 9's table was 0 px wide), and axe stays clean.
        await page.GetByRole(AriaRole.Button, new() { Name = "Agregar fila a «Actores»" }).ClickAsync();
        var name = page.GetByRole(AriaRole.Region, new() { Name = "Tabla «Actores»" }).GetByLabel("Nombre, fila 1");
        await Assertions.Expect(name).ToBeFocusedAsync();
        await Assertions.Expect(name).ToBeInViewportAsync();
        await name.FillAsync("Cámara de Comercio");
        await VisibleLayout.AssertEveryControlVisibleAsync(page.Locator("#form-entregable"), "«Mapeo de actores» con una fila agregada");
        await team.AssertNoSeriousA11yViolationsAsync();
        await page.SetViewportSizeAsync(VisibleLayout.PhoneWidth, 900);
        await VisibleLayout.AssertEveryControlVisibleAsync(page.Locator("#form-entregable"), "«Mapeo de actores» con una fila agregada");
    }
}
