using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Knowledge;

[Collection(BrowserCollection.Name)]
public class CalendarBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task NewFeedLink_HasAVisibleCopyButton_ThatCopiesItAndSaysSo(int width)
    {
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 800);
        await session.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = session.Url("") });
        await session.SignInAsync("gualeguaychu@programa.example");
        await session.GotoAsync("/calendario/suscripcion");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Generar" }).ClickAsync();

        var copy = session.Page.GetByRole(AriaRole.Button, new() { Name = "Copiar el enlace" });
        await Assertions.Expect(copy).ToBeVisibleAsync();
        var box = await copy.BoundingBoxAsync();
        Assert.True(box is { Width: > 0, Height: > 0 } && box.X >= 0 && box.X + box.Width <= width, $"El botón queda fuera de la pantalla: {box?.X} + {box?.Width} de {width} px.");
        await copy.ClickAsync();

        var status = session.Page.GetByRole(AriaRole.Status).Filter(new() { Has = session.Page.Locator("#feed-url-status") });
        await Assertions.Expect(status.Locator("#feed-url-status")).ToHaveTextAsync("Copiamos el enlace: pegalo en tu aplicación de calendario.");
        await Assertions.Expect(status.Locator("#feed-url-status")).ToBeVisibleAsync();
        var feedUrl = await session.Page.GetByLabel("Enlace del calendario (.ics)").InputValueAsync();
        Assert.Equal(feedUrl, await session.Page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Abrir en mi aplicación de calendario" })).ToBeVisibleAsync();
        await session.Page.ScreenshotAsync(new() { Path = $"calendar-feed-{width}.png", FullPage = true });
        await session.AssertNoSeriousA11yViolationsAsync();
    }

    [Fact]
    public async Task MonthView_ShowsTheStageDueDates_Visibly()
    {
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync("coordinacion@programa.example");
        await session.GotoAsync("/calendario?mes=2021-08");

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Vence «Desafío»" }).First).ToBeVisibleAsync();
        await session.Page.ScreenshotAsync(new() { Path = "calendar-month-due-dates.png", FullPage = true });
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
