using System.Text;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Calls;

/// <summary>The administrators' municipality tools at 1280 and 375 px: the band editor and the CSV import's preview.</summary>
[Collection(BrowserCollection.Name)]
public class MunicipalityAdministrationBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task BandEditor_ShowsTheBands_AndAnErrorBesideTheField_KeepingWhatWasTyped(int width)
    {
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 900);
        await session.SignInAsync("admin@programa.example");
        await session.GotoAsync("/admin/municipios/categorias");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Cell, new() { Name = "50.001 a 200.000 habitantes" })).ToBeVisibleAsync();

        await session.Page.GetByLabel("Ciudad pequeña: hasta (habitantes)").FillAsync("80.000");
        await session.Page.GetByLabel("Ciudad intermedia: hasta (habitantes)").FillAsync("60.000");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Guardar y recalcular categorías" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator("#Form_IntermediateMax-error")).ToContainTextAsync("tiene que ser mayor");
        await Assertions.Expect(session.Page.Locator("#Form_IntermediateMax-error")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByLabel("Ciudad pequeña: hasta (habitantes)")).ToHaveValueAsync("80.000");
        await VisibleLayout.AssertEveryControlVisibleAsync(session.Page.Locator("main"), "El editor de categorías");
        await session.AssertNoSeriousA11yViolationsAsync();
        await VisibleLayout.SaveScreenshotAsync(session.Page, "categorias");
    }

    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task Import_ShowsThePreview_WithTheReasonOfEachInvalidRow(int width)
    {
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 900);
        await session.SignInAsync("admin@programa.example");
        await session.GotoAsync("/admin/municipios/importar");
        var csv = "Código;Nombre;Provincia;Población\n700001;Villa Navegador Uno;Salta;12.345\n700002;Villa Navegador Dos;Salta;doce mil\n";
        await session.Page.GetByLabel("Archivo CSV").SetInputFilesAsync(new FilePayload { Name = "municipios.csv", MimeType = "text/csv", Buffer = Encoding.Latin1.GetBytes(csv) });
        await VisibleLayout.AssertEveryControlVisibleAsync(session.Page.Locator("main"), "La subida del CSV");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Ver la vista previa" }).ClickAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Vista previa" })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator(".import-summary .import-new")).ToHaveTextAsync("1");
        var reason = session.Page.Locator("table.import-invalid").GetByText("La población «doce mil» no es un número entero");
        await reason.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(reason).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Confirmar la importación" })).ToBeVisibleAsync();
        await VisibleLayout.AssertEveryControlVisibleAsync(session.Page.Locator("main"), "La vista previa de la importación");
        await session.AssertNoSeriousA11yViolationsAsync();
        await VisibleLayout.SaveScreenshotAsync(session.Page, "importar-municipios");

        await session.GotoAsync("/admin/municipios");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Importar desde un CSV" })).ToBeVisibleAsync();
        Assert.Null(await VisibleLayout.PageOverflowAsync(session.Page));
        await VisibleLayout.SaveScreenshotAsync(session.Page, "municipios");
    }
}
