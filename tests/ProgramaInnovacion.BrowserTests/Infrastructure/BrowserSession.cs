using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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
        var results = await Page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe en {Page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>
    /// The same, for one part of the page: quicker where a test sweeps many pages whose shared parts
    /// other tests already check.
    /// </summary>
    public async Task AssertNoSeriousA11yViolationsAsync(ILocator scope)
    {
        var results = await scope.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe en {Page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>The WCAG 2.0 and 2.1 success criteria at levels A and AA, as axe-core tags them.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// Every WCAG 2.0/2.1 A and AA violation axe-core finds on the current page, of any impact,
    /// one line each (empty when the page is clean).
    /// </summary>
    public async Task<IReadOnlyList<string>> WcagViolationsAsync()
    {
        var results = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        return results.Violations.Select(Describe).ToList();
    }

    private static string Describe(AxeResultItem v) =>
        $"- [{v.Impact}] {v.Id}: {v.Help} → " + string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)));

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
