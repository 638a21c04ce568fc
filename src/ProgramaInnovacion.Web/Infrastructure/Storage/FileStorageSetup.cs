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
        builder.Services.AddSingleton(sp =>
            new LocalDiskFileStore(Path.Combine(StorageSetup.ResolveDataPath(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()), "uploads")));
        // Storage:Provider=S3 keeps the bytes in a bucket every instance reads; resolved when first
        // used, so hosts that add configuration late (the integration tests) choose it too.
        builder.Services.AddSingleton(sp => new S3FileStore(S3Options(sp.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton<IFileStore>(sp => UsesS3(sp.GetRequiredService<IConfiguration>())
            ? sp.GetRequiredService<S3FileStore>()
            : sp.GetRequiredService<LocalDiskFileStore>());
        builder.Services.AddHostedService<BucketCreation>();
        var requestLimit = options.MaxUploadBytes + FormOverheadBytes;
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = requestLimit);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = requestLimit);
        return builder;
    }

    public static bool UsesS3(IConfiguration configuration) =>
        string.Equals(configuration["Storage:Provider"], "S3", StringComparison.OrdinalIgnoreCase);

    public static S3StoreOptions S3Options(IConfiguration configuration)
    {
        var options = new S3StoreOptions();
        configuration.GetSection("Storage:S3").Bind(options);
        return options;
    }

    /// <summary>With Storage:S3:CreateBucket=true, a fresh MinIO or test server gets its bucket at start-up.</summary>
    private sealed class BucketCreation(IServiceProvider services, IConfiguration configuration) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            UsesS3(configuration) && configuration.GetValue("Storage:S3:CreateBucket", false)
                ? services.GetRequiredService<S3FileStore>().EnsureBucketAsync(cancellationToken)
                : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
