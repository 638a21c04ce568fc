using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// An S3-compatible server for the S3 store's tests: TEST_S3_URL when set, otherwise s3rver
/// (tests/s3, installed by `tests/s3/s3rver.sh install`, which tests/run.sh does) started on a free
/// loopback port with its data in a temp folder, and stopped with the fixture.
/// </summary>
public sealed class S3TestServer : IAsyncLifetime
{
    /// <summary>s3rver's fixed credentials.</summary>
    public const string AccessKey = "S3RVER";

    private Process? process;
    private string? dataPath;

    public string ServiceUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("TEST_S3_URL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ServiceUrl = configured;
            return;
        }

        var executable = Path.Combine(RepositoryRoot(), "tests", "s3", "node_modules", ".bin", "s3rver");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"s3rver no está instalado ({executable}): ejecutá `bash tests/s3/s3rver.sh install` o definí TEST_S3_URL.");
        }

        var port = FreePort();
        dataPath = Directory.CreateTempSubdirectory("programa-s3rver-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-d", dataPath, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        ServiceUrl = $"http://127.0.0.1:{port}";
        using var probe = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await probe.GetAsync(ServiceUrl);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"s3rver no respondió en {ServiceUrl}.");
    }

    /// <summary>A store on a new bucket of this server (created here), so tests never share objects.</summary>
    public async Task<S3FileStore> NewStoreAsync()
    {
        var store = new S3FileStore(StoreOptions("t" + Guid.NewGuid().ToString("N")[..20]));
        await store.EnsureBucketAsync();
        return store;
    }

    public S3StoreOptions StoreOptions(string bucket) =>
        new() { ServiceUrl = ServiceUrl, Bucket = bucket, AccessKey = AccessKey, SecretKey = AccessKey, ForcePathStyle = true };

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        if (dataPath is not null)
        {
            Directory.Delete(dataPath, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ProgramaInnovacion.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No se encontró ProgramaInnovacion.sln sobre " + AppContext.BaseDirectory);
    }
}
