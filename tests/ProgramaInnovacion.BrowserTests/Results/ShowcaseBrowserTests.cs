using ProgramaInnovacion.BrowserTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Results;

[Collection(BrowserCollection.Name)]
public class ShowcaseBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task AnonymousVisitor_ReadsTheShowcase_AtEveryWidth_WithoutAccessibilityViolations(int width)
    {
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 900);
        await session.GotoAsync("/vitrina");
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Programa Intensivo de Innovación para la Transformación Digital 2021" }).ClickAsync();

        var tandil = session.Page.Locator(".showcase-project h2", new() { HasText = "Tandil" });
        Assert.True(await tandil.IsVisibleAsync());
        var box = await tandil.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"El título queda fuera de la ventana ({box.X}, {box.Width})");
        Assert.True(await session.Page.Locator(".showcase-project table").First.IsVisibleAsync());
        Assert.Null(await VisibleLayout.PageOverflowAsync(session.Page));
        await session.AssertNoSeriousA11yViolationsAsync();
        Assert.Empty(await session.WcagViolationsAsync());
        await VisibleLayout.SaveScreenshotAsync(session.Page, $"vitrina-{width}");
    }
}
