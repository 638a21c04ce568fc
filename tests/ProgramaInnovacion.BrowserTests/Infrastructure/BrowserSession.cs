using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using ProgramaInnovacion.Core.Data.Seeding;

namespace ProgramaInnovacion.BrowserTests.Infrastructure;

/// <summary>One person at one browser: an isolated context (cookies) and its page.</summary>
public sealed class BrowserSession(BrowserFixture fixture, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public string Url(string path) => fixture.BaseUrl + path;

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(Url(path));
        Assert.True(response is { Ok: true }, $"GET {path} respondió {response?.Status}");
    }

    /// <summary>Signs in through the real login form and waits for the home page.</summary>
    public async Task SignInAsync(string email, string password = DemoSeeder.DemoPassword)
    {
        await GotoAsync("/cuenta/ingresar");
        await Page.GetByLabel("Correo electrónico").FillAsync(email);
        await Page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
        // The first request to a role's home compiles its views; on a busy two-core runner that can
        // take longer than the default timeout, and the page is usable once its DOM is in.
        try
        {
            await Page.WaitForURLAsync(
                u => !u.Contains("/cuenta/ingresar", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            // Say what the person saw instead of the home page (an error, a 429, a second step).
            var seen = await Page.Locator("h1, [role=alert], .validation-summary-errors").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"{email} no pudo ingresar: la página quedó en {Page.Url} mostrando «{string.Join(" | ", seen).Trim()}».");
        }
    }

    /// <summary>Runs axe-core on the current page and fails on any serious or critical violation.</summary>
    public async Task AssertNoSeriousA11yViolationsAsync()
    {
        var serious = (await AxeViolationsAsync(null, null)).Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe en {Page.Url}:\n" + string.Join("\n", serious));
    }

    /// <summary>
    /// The same, for one part of the page: quicker where a test sweeps many pages whose shared parts
    /// other tests already check.
    /// </summary>
    public async Task AssertNoSeriousA11yViolationsAsync(ILocator scope)
    {
        var serious = (await AxeViolationsAsync(scope, null)).Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe en {Page.Url}:\n" + string.Join("\n", serious));
    }

    /// <summary>The WCAG 2.0 and 2.1 success criteria at levels A and AA, as axe-core tags them.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// Every WCAG 2.0/2.1 A and AA violation axe-core finds on the current page, of any impact,
    /// one line each (empty when the page is clean).
    /// </summary>
    public async Task<IReadOnlyList<string>> WcagViolationsAsync() =>
        (await AxeViolationsAsync(null, WcagTags)).Select(v => v.ToString()).ToList();

    // axe-core as Deque.AxeCore.Commons ships it (the version the package pins).
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Deque.AxeCore.Commons no trae axe.min.js.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    // One round trip: axe.run on the element (or the document), only the violations with the first
    // three nodes each. resultTypes keeps axe from collecting every node that passes; it changes no
    // verdict.
    private const string AxeRunScript = """
        async (element, tags) => {
            const results = await window.axe.run(element ?? document, {
                resultTypes: ['violations'],
                ...(tags ? { runOnly: { type: 'tag', values: tags } } : {}),
            });
            return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.flat().join(' ')),
            })));
        }
        """;

    /// <summary>
    /// Runs axe-core in the page (no iframes in the portal). The Deque runner injected axe into the
    /// page and into a second, blank page for every run (its runPartial/finishRun protocol), which
    /// cost the browser tests about a second per check on two cores; here axe is injected once per
    /// document, and a second check of the same document (the other width) reuses it.
    /// </summary>
    private async Task<IReadOnlyList<AxeViolation>> AxeViolationsAsync(ILocator? scope, IReadOnlyList<string>? tags)
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await Page.EvaluateAsync(AxeSource.Value);
        }

        var tagArray = tags?.ToArray();
        var json = scope is null
            ? await Page.EvaluateAsync<string>($"tags => ({AxeRunScript})(null, tags)", tagArray)
            : await scope.EvaluateAsync<string>(AxeRunScript, tagArray);
        return JsonSerializer.Deserialize<AxeViolation[]>(json, JsonSerializerOptions.Web)!;
    }

    private sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets)
    {
        public override string ToString() => $"- [{Impact}] {Id}: {Help} → " + string.Join(" | ", Targets);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
