using Microsoft.Playwright;

namespace ProgramaInnovacion.BrowserTests.Infrastructure;

/// <summary>
/// What a person sees, measured in the browser: a control that exists in the DOM but has no size,
/// sits in a zero-width box or outside the window cannot be used, and a page wider than the window
/// scrolls sideways. DOM presence alone let a form of invisible tables through (issue 9).
/// </summary>
public static class VisibleLayout
{
    /// <summary>The phone width the portal must work at (an iPhone SE/mini class screen).</summary>
    public const int PhoneWidth = 375;

    public const int DesktopWidth = 1280;

    // One round trip per page: every control of the container, measured with its bounding box and
    // the browser's own visibility test. A control inside a horizontal scroll container (a wide
    // table on a phone) may lie beyond the visible part, as long as the container is itself inside
    // the window, wide enough to show it, and the control lies within the container's scroll range.
    private const string MeasureScript = $$"""
        (root) => {
            const problems = [];
            const width = window.innerWidth;
            const describe = el => {
                const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent.trim()) || el.textContent.trim();
                return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${label ? ' «' + label.replace(/\s+/g, ' ').slice(0, 60) + '»' : ''}`;
            };
            const scroller = el => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) {
                        return p;
                    }
                }
                return null;
            };
            const controls = root.querySelectorAll('input:not([type=hidden]), textarea, select, button');
            for (const el of controls) {
                // The first, invisible "save" button only decides what Enter does in a text box.
                if (el.getAttribute('aria-hidden') === 'true') {
                    continue;
                }
                const r = el.getBoundingClientRect();
                const name = describe(el);
                if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
                    problems.push(`${name}: no es visible`);
                    continue;
                }
                if (r.width < 1 || r.height < 1) {
                    problems.push(`${name}: mide ${Math.round(r.width)}×${Math.round(r.height)} px`);
                    continue;
                }
                const box = scroller(el);
                if (box) {
                    const b = box.getBoundingClientRect();
                    if (b.width < Math.min(r.width, width / 2)) {
                        problems.push(`${name}: su contenedor desplazable mide ${Math.round(b.width)} px de ancho`);
                    }
                    if (b.left < -0.5 || b.right > width + 0.5) {
                        problems.push(`${name}: su contenedor desplazable (${Math.round(b.left)}–${Math.round(b.right)} px) se sale de la ventana de ${width} px`);
                    }
                    const offset = r.left - b.left + box.scrollLeft;
                    if (offset < -0.5 || offset + r.width > box.scrollWidth + 0.5) {
                        problems.push(`${name}: queda fuera de su contenedor desplazable`);
                    }
                } else if (r.left < -0.5 || r.right > width + 0.5) {
                    problems.push(`${name}: ocupa ${Math.round(r.left)}–${Math.round(r.right)} px, fuera de la ventana de ${width} px`);
                }
            }
            const overflow = ({{PageOverflowFunction}})();
            if (overflow) {
                problems.push(overflow);
            }
            return problems;
        }
        """;

    // The page is wider than the window (it scrolls sideways): names the outermost boxes that stick
    // out, so the failure says where to look. An absolutely positioned box escapes a scroll container
    // that is not its containing block. Null when the page fits.
    private const string PageOverflowFunction = """
        () => {
            const width = window.innerWidth;
            const pageWidth = document.documentElement.scrollWidth;
            if (pageWidth <= width) {
                return null;
            }
            const scroller = el => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) {
                        return p;
                    }
                }
                return null;
            };
            const culprits = [...document.body.querySelectorAll('*')]
                .filter(el => {
                    const positioned = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
                    return (positioned || !scroller(el)) && el.getBoundingClientRect().right > width + 0.5
                        && (positioned || el.parentElement.getBoundingClientRect().right <= width + 0.5);
                })
                .slice(0, 5)
                .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (hasta ${Math.round(el.getBoundingClientRect().right)} px)`);
            return `la página mide ${pageWidth} px de ancho en una ventana de ${width} px: se desplaza de costado por ${culprits.join(', ') || 'un elemento posicionado'}`;
        }
        """;

    /// <summary>
    /// Why the current page scrolls sideways (document.documentElement.scrollWidth is wider than
    /// innerWidth), naming the boxes that stick out; null when it fits the window.
    /// </summary>
    public static Task<string?> PageOverflowAsync(IPage page) => page.EvaluateAsync<string?>(PageOverflowFunction);

    /// <summary>
    /// Fails unless every input, text area, select and button inside <paramref name="root"/> is
    /// visible with a non-zero box horizontally inside the window (or its scroll container), and the
    /// page is no wider than the window.
    /// </summary>
    public static async Task AssertEveryControlVisibleAsync(ILocator root, string where)
    {
        await Assertions.Expect(root).ToBeVisibleAsync();
        var problems = await root.EvaluateAsync<string[]>(MeasureScript);
        var width = await root.Page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(problems.Length == 0, $"{where} a {width} px:\n- " + string.Join("\n- ", problems));
    }

    /// <summary>
    /// Saves a full-page screenshot under TestResults/screenshots (or SCREENSHOT_DIR), for a person
    /// to look at: a layout test that passes can still show a page nobody can read.
    /// </summary>
    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("SCREENSHOT_DIR")
            ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}-{width}.png"), FullPage = true });
    }
}
