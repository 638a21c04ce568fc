using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// The portal as docker-compose deploys it: Production, reached through a TLS-terminating proxy at
/// <see cref="ProxyAddress"/> (configured in Proxy:KnownProxies) that talks plain http to the app.
/// </summary>
public sealed class DeployedPortalFactory : PortalFactory
{
    public const string PublicHost = "portal.ril.example";

    public static readonly IPAddress ProxyAddress = IPAddress.Parse("10.0.0.2");

    /// <summary>The address the next requests come from (the proxy, unless a test says otherwise).</summary>
    public IPAddress RemoteAddress { get; set; } = ProxyAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:PublicUrl", $"https://{PublicHost}");
        builder.UseSetting("Proxy:KnownProxies:0", ProxyAddress.ToString());
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1"); // Production refuses to start without SMTP; nothing is sent here
        builder.UseSetting("Seed:Force", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(this)));
    }

    /// <summary>A client on plain http, as the proxy talks to the app; cookies are handled by the test.</summary>
    public HttpClient CreateProxiedClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{PublicHost}") });

    /// <summary>The test server has no socket: the connection's address is set before the app's pipeline.</summary>
    private sealed class RemoteAddressFilter(DeployedPortalFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = factory.RemoteAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public partial class DeploymentTests(DeployedPortalFactory factory) : IClassFixture<DeployedPortalFactory>
{
    private static HttpRequestMessage Get(string url, bool forwardedHttps = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (forwardedHttps)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return request;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task BehindTheConfiguredProxy_HstsIsSent_AndEveryCookieIsSecure()
    {
        factory.RemoteAddress = DeployedPortalFactory.ProxyAddress;
        using var client = factory.CreateProxiedClient();

        var login = await client.SendAsync(Get("/cuenta/ingresar"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);

        // Sign in through the form, carrying the cookies by hand (the proxy leg is plain http).
        var html = await login.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var cookies = SetCookies(login).ToList();
        var post = new HttpRequestMessage(HttpMethod.Post, "/cuenta/ingresar")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "coordinacion@programa.example", ["Password"] = Core.Data.Seeding.DemoSeeder.DemoPassword, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(SetCookies(signedIn));

        // A TempData message (an invalid month) writes the TempData cookie.
        var month = Get("/calendario?mes=nada");
        month.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        var redirected = await client.SendAsync(month);
        cookies.AddRange(SetCookies(redirected));

        Assert.Contains(cookies, c => c.StartsWith("programa.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AForwardedSchemeFromAnUnknownAddress_IsNotBelieved()
    {
        factory.RemoteAddress = IPAddress.Parse("203.0.113.9");
        try
        {
            using var client = factory.CreateProxiedClient();
            var response = await client.SendAsync(Get("/cuenta/ingresar"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
            // Cookies are Secure all the same outside Development.
            Assert.All(SetCookies(response), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            factory.RemoteAddress = DeployedPortalFactory.ProxyAddress;
        }
    }

    [Fact]
    public async Task AForgedHostHeader_IsRefused()
    {
        using var client = factory.CreateProxiedClient();
        var forged = Get("/cuenta/olvide-mi-contrasena");
        forged.Headers.Host = "atacante.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/cuenta/olvide-mi-contrasena"))).StatusCode);
    }

    [Fact]
    public void WithoutAPublicUrl_ThePortalRefusesToStart_SayingWhatToSet()
    {
        using var unset = factory.WithWebHostBuilder(b => b.UseSetting("Portal:PublicUrl", ""));

        var error = Assert.ThrowsAny<Exception>(() => unset.Server);

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains("Falta Portal:PublicUrl", validation.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public class NoStoreTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SignedInPagesAndDownloads_AreNeverStored_WhileStaticFilesAre()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");

        foreach (var url in new[] { "/", "/coordinacion", "/coordinacion/exportar/progreso.csv", "/biblioteca" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{url} no dice Cache-Control: no-store");
        }

        var css = await client.Http.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }
}
