using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Accessibility;

/// <summary>
/// The axe-core check every browser test relies on (BrowserSession runs axe itself, injected once
/// per document) still finds what it must: on a page with known violations it names them, at both
/// widths of one document, and a scoped check sees only its part of the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AxeCheckBrowserTests(BrowserFixture browser)
{
    private const string PageWithViolations = """
        <!doctype html>
        <html lang="es"><head><title>Prueba</title></head>
        <body><main><h1>Prueba</h1>
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
          <div id="formulario"><input type="text" name="nombre"></div>
        </main></body></html>
        """;

    [Fact]
    public async Task OnAPageWithAnImageWithoutTextAndAFieldWithoutLabel_ReportsBoth_AtEachWidth_AndAScopedCheckOnlyItsPart()
    {
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetContentAsync(PageWithViolations);

        foreach (var width in new[] { VisibleLayout.DesktopWidth, VisibleLayout.PhoneWidth })
        {
            await session.Page.SetViewportSizeAsync(width, 900);
            var violations = await session.WcagViolationsAsync();
            Assert.Contains(violations, v => v.Contains("[critical] image-alt", StringComparison.Ordinal) && v.Contains("img", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.Contains("[critical] label", StringComparison.Ordinal) && v.Contains("input", StringComparison.Ordinal));
        }

        var whole = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => session.AssertNoSeriousA11yViolationsAsync());
        Assert.Contains("image-alt", whole.Message, StringComparison.Ordinal);
        var scoped = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => session.AssertNoSeriousA11yViolationsAsync(session.Page.Locator("#formulario")));
        Assert.Contains("label", scoped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("image-alt", scoped.Message, StringComparison.Ordinal);

        await session.Page.Locator("img").EvaluateAsync("img => img.alt = 'Logo'");
        await session.Page.Locator("input").EvaluateAsync("input => input.setAttribute('aria-label', 'Nombre')");
        Assert.Empty(await session.WcagViolationsAsync());
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
