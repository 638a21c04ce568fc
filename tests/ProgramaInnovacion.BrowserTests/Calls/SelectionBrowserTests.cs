using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Calls;

namespace ProgramaInnovacion.BrowserTests.Calls;

[Collection(BrowserCollection.Name)]
public class SelectionBrowserTests(BrowserFixture browser)
{
    private const string Justification = "Ciudad intermedia con un desafío claro y el intendente comprometido por escrito.";

    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task ACoordinator_ScoresAnApplication_AndSelectsIt_SeeingTheMatrixCellCovered(int width)
    {
        var editionId = await CallTestData.EditionWithApplicationsAsync(browser.Factory, $"Selección en pantalla {width}");
        await browser.Factory.WithDbAsync(async db =>
        {
            var coordinator = await db.Users.SingleAsync(u => u.Email == "coordinacion@programa.example");
            db.CoordinatorEditions.Add(new CoordinatorEdition { UserId = coordinator.Id, EditionId = editionId });
            await db.SaveChangesAsync();
        });
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(width, 900);
        await session.SignInAsync("coordinacion@programa.example");

        await session.GotoAsync($"/admin/ediciones/{editionId}/seleccion");
        var tandilCell = page.Locator("table.selection-matrix td", new() { HasText = "Cubierta: Tandil" });
        Assert.Equal(0, await tandilCell.CountAsync());
        Assert.Null(await VisibleLayout.PageOverflowAsync(page));
        await session.AssertNoSeriousA11yViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tandil", Exact = true }).ClickAsync();

        // Scores on the three default criteria, then the coordination's table shows them.
        foreach (var criterion in new[] { "Calidad del desafío", "Compromiso institucional", "Capacidad del equipo" })
        {
            await page.GetByLabel(criterion, new() { Exact = true }).SelectOptionAsync("4");
        }

        await VisibleLayout.AssertEveryControlVisibleAsync(page.Locator("main"), "La postulación a puntuar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar mis puntajes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Guardamos tus puntajes." })).ToBeVisibleAsync();
        var myScores = page.Locator("table tbody tr").First;
        await Assertions.Expect(myScores).ToBeVisibleAsync();
        Assert.Equal(["4", "4", "4"], (await myScores.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList());

        // Too short a justification: the error beside the field, the text still there.
        var justification = page.GetByLabel("Justificación (obligatoria para seleccionar)");
        await justification.FillAsync("Buen desafío.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Seleccionar", Exact = true }).ClickAsync();
        // The page comes back at its top: the alert there says what to fix and leads to the field.
        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "No guardamos la decisión" });
        await Assertions.Expect(alert).ToBeInViewportAsync();
        await alert.GetByRole(AriaRole.Link, new() { Name = "revisá la justificación" }).ClickAsync();
        var error = page.Locator("#justificacion-error");
        await Assertions.Expect(error).ToContainTextAsync("al menos 20 caracteres");
        await Assertions.Expect(justification).ToBeInViewportAsync();
        await Assertions.Expect(error).ToBeInViewportAsync();
        await Assertions.Expect(justification).ToHaveValueAsync("Buen desafío.");
        await VisibleLayout.AssertEveryControlVisibleAsync(page.Locator("main"), "La decisión rechazada");

        await justification.FillAsync(Justification);
        await page.GetByRole(AriaRole.Button, new() { Name = "Seleccionar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "La postulación quedó seleccionada." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ahora: seleccionada");
        await session.AssertNoSeriousA11yViolationsAsync();
        await VisibleLayout.SaveScreenshotAsync(page, "seleccion-postulacion");

        // Back on the selection: the cell of Tandil's category and level is covered, on screen.
        await page.GetByRole(AriaRole.Link, new() { Name = "Selección", Exact = true }).ClickAsync();
        await tandilCell.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(tandilCell).ToBeVisibleAsync();
        await Assertions.Expect(tandilCell).ToBeInViewportAsync();
        Assert.Null(await VisibleLayout.PageOverflowAsync(page));
        await VisibleLayout.SaveScreenshotAsync(page, "seleccion-matriz");
    }
}
