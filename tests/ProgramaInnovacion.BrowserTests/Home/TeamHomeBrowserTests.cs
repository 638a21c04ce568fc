using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Home;

[Collection(BrowserCollection.Name)]
public class TeamHomeBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task TheTeamsHome_SaysWhatToDoNext_WhenItIsDue_WhatWasAsked_AndWhatIsUnread(int width)
    {
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 900);
        await session.SignInAsync("jesusmaria@programa.example");

        var next = session.Page.Locator(".card-body").Filter(new() { HasText = "Próximo paso" });
        await Assertions.Expect(next.Locator(".due-words")).ToHaveTextAsync("vencida hace 5 días");
        await Assertions.Expect(next.Locator(".change-request blockquote")).ToContainTextAsync("Falta indicar el método de validación");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "1 comentario nuevo en «Validación territorial»" })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Ediciones del programa" })).ToBeVisibleAsync();
        await VisibleLayout.AssertEveryControlVisibleAsync(session.Page.Locator("main"), "El inicio del equipo");
        await VisibleLayout.SaveScreenshotAsync(session.Page, "inicio-equipo-jesus-maria");
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
