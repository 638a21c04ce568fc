using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// Static files (issue 14): compressed, and cached for a year when the address carries the file's
/// fingerprint (<c>asp-append-version</c> adds <c>?v=…</c>, which changes with the content).
/// </summary>
public static class StaticFilesSetup
{
    private static readonly string[] CompressedExtensions = [".css", ".js", ".svg", ".json", ".txt", ".map"];

    public static WebApplicationBuilder AddPortalStaticFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            // Only static files reach this middleware (UsePortalStaticFiles), so https is safe here:
            // BREACH needs a secret and text an attacker controls in one compressed response. The
            // pages are not compressed for that reason — each carries an antiforgery token and
            // echoes what was typed (searches, filters) — and they are small once the lists are capped.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static WebApplication UsePortalStaticFiles(this WebApplication app)
    {
        app.UseWhen(context => IsCompressible(context.Request.Path), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Query.ContainsKey("v"))
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        return app;
    }

    private static bool IsCompressible(PathString path) =>
        path.HasValue && CompressedExtensions.Any(e => path.Value!.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
