using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Infrastructure;

/// <summary>The portal on a real loopback port, for a real browser.</summary>
public sealed class BrowserPortalFactory : PortalFactory
{
    protected override bool UseRealServer => true;
}

/// <summary>
/// One portal (one database, demo-seeded) and one headless Debian Chromium for all browser tests.
/// Each test opens its own session (isolated cookies). Playwright drives the system browser; it
/// never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserPortalFactory Factory { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/lib/chromium/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new person at the browser; <paramref name="javaScriptEnabled"/> false for the no-script path.</summary>
    public async Task<BrowserSession> NewSessionAsync(bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "es-AR",
            TimezoneId = "America/Argentina/Buenos_Aires",
            JavaScriptEnabled = javaScriptEnabled,
            // The mouse stays where the last click was: after a navigation the button under it turns
            // :hover, and axe sampled Bootstrap's 0.15 s colour transition half-way (a contrast
            // "violation" no person sees). Bootstrap drops its transitions under reduced motion.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(this, context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "An xunit collection definition is a collection.")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Navegador";
}
