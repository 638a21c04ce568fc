using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>`Proxy:KnownProxies` (addresses) and `Proxy:KnownNetworks` (CIDR): the TLS-terminating proxies whose X-Forwarded-For/-Proto are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public List<string> KnownProxies { get; set; } = [];

    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// How the portal behaves where it is deployed (docker-compose puts it behind a TLS-terminating
/// proxy): forwarded headers only from configured proxies, so the request is seen as HTTPS and
/// HSTS is sent; every cookie Secure outside Development; only the public host accepted; a public
/// URL required for the links that leave the request; authenticated answers never cached.
/// </summary>
public static class DeploymentSetup
{
    public static WebApplicationBuilder AddPortalDeployment(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays trusted (a proxy on the same host); anything else only when configured.
            foreach (var proxy in proxies.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in proxies.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });

        // One policy for every cookie (auth, antiforgery, TempData, two-factor): Secure unless developing on plain http.
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        // Outside Development a Host header other than the public one is refused (400) unless AllowedHosts says otherwise.
        if (!development && string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"])
            && Uri.TryCreate(builder.Configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)}"], UriKind.Absolute, out var publicUrl))
        {
            // localhost too: the container's own health check calls http://localhost:8080.
            builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [publicUrl.Host, "localhost"]);
        }

        builder.Services.AddOptions<PortalOptions>()
            .Validate(o => development || !string.IsNullOrWhiteSpace(o.PublicUrl),
                "Falta Portal:PublicUrl (variable Portal__PublicUrl): fuera de Development es obligatoria, porque los enlaces de los correos y del calendario no pueden salir del encabezado Host que manda el navegador. Indicá el origen público, por ejemplo https://portal.ril.org.ar.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>First in the pipeline: the forwarded scheme and client address, HSTS and the cookie policy.</summary>
    public static WebApplication UsePortalDeployment(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// After authentication: what a signed-in person receives (pages, exports, downloads) is never
    /// stored by the browser or a shared cache, so the back button after "Salir" or the next person
    /// at a shared computer finds nothing.
    /// </summary>
    public static WebApplication UseNoStoreForSignedIn(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }
}
