using Microsoft.AspNetCore.Http.Features;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.Web.Infrastructure.Storage;

public static class FileStorageSetup
{
    /// <summary>Slack above the file limit for the rest of the form (typed fields, token).</summary>
    public const long FormOverheadBytes = 2L * 1024 * 1024;

    /// <summary>
    /// The upload store and limits. The server's own limits sit a little above the file limit, so a
    /// file slightly too big gets the Spanish message beside its field and only a far bigger request
    /// is cut off by the server (and answered with the Spanish 413 page).
    /// </summary>
    public static WebApplicationBuilder AddFileStorage(this WebApplicationBuilder builder)
    {
        var options = new UploadOptions();
        builder.Configuration.GetSection("Storage").Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IFileStore>(sp =>
            new LocalDiskFileStore(Path.Combine(StorageSetup.ResolveDataPath(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()), "uploads")));
        var requestLimit = options.MaxUploadBytes + FormOverheadBytes;
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = requestLimit);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = requestLimit);
        return builder;
    }
}
