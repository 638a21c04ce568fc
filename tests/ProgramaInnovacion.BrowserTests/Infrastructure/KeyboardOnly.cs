using Microsoft.Playwright;

namespace ProgramaInnovacion.BrowserTests.Infrastructure;

/// <summary>
/// A person who only uses the keyboard: moves with Tab, and on every stop the focused element must
/// show a focus indicator one can see (an outline or a box shadow, from the computed style) and lie
/// inside the window.
/// </summary>
public static class KeyboardOnly
{
    /// <summary>A journey that needs more Tab presses than this to reach a control is a problem in itself.</summary>
    public const int MaxTabs = 120;

    private const string FocusScript = """
        (args) => {
            const el = document.activeElement;
            if (!el || el === document.body) {
                return { matches: false, onBody: true, indicator: true, inside: true, name: 'body' };
            }
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow && style.boxShadow !== 'none';
            const r = el.getBoundingClientRect();
            const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').replace(/\s+/g, ' ').trim();
            return {
                matches: el.matches(args.selector) && (!args.text || text.startsWith(args.text)),
                onBody: false,
                indicator: outline || shadow,
                inside: r.width > 0 && r.height > 0 && r.left >= -1 && r.right <= window.innerWidth + 1,
                name: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} «${text.slice(0, 50)}»`,
            };
        }
        """;

    // Playwright fills the result's properties after creating it with a parameterless constructor.
    private sealed class Focus
    {
        public bool Matches { get; set; }

        public bool OnBody { get; set; }

        public bool Indicator { get; set; }

        public bool Inside { get; set; }

        public string Name { get; set; } = "";
    }

    /// <summary>
    /// Presses Tab until the focused element matches <paramref name="selector"/> (and starts with
    /// <paramref name="text"/>, when given), checking the focus indicator at every stop.
    /// </summary>
    public static async Task TabToAsync(IPage page, string selector, string? text = null)
    {
        var path = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<Focus>(FocusScript, new { selector, text });
            path.Add(focus.Name);
            Assert.True(focus.Indicator, $"{focus.Name} recibe el foco sin un indicador visible (ni outline ni box-shadow) en {page.Url}");
            Assert.True(focus.OnBody || focus.Inside, $"{focus.Name} recibe el foco fuera de la ventana en {page.Url}");
            if (focus.Matches)
            {
                return;
            }
        }

        Assert.Fail($"Con {MaxTabs} Tab no se llegó a {selector} «{text}» en {page.Url}. Recorrido: {string.Join(" → ", path.TakeLast(20))}");
    }

    /// <summary>
    /// No keyboard trap: from the current focus, Tab keeps moving forward until focus leaves the
    /// page's last control (back to the document) — it never cycles inside a part of the page.
    /// </summary>
    public static async Task AssertNoTrapAsync(IPage page)
    {
        var seen = new List<string>();
        for (var i = 0; i < MaxTabs * 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<Focus>(FocusScript, new { selector = "a.skip-link", text = (string?)null });
            if (focus.OnBody || focus.Matches)
            {
                return;
            }

            seen.Add(focus.Name);
        }

        Assert.Fail($"El foco no sale de la página después de {seen.Count} Tab en {page.Url}: {string.Join(" → ", seen.TakeLast(20))}");
    }

    /// <summary>The first Tab of a page reaches the skip link, visible, and Enter moves focus to the main content.</summary>
    public static async Task UseSkipLinkAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Saltar al contenido principal" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#contenido")).ToBeFocusedAsync();
    }
}
