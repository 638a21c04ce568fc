using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// <c>migrate-files</c>: copies every file of the local store (the data folder's uploads) into the
/// configured S3 bucket under the same name, so attachment rows need no change when a deployment
/// moves to Storage:Provider=S3. Files already in the bucket with the same size are skipped, so
/// the command can be run again after an interruption, and the local files are left in place.
/// </summary>
public static class MigrateFilesCommand
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        if (string.IsNullOrWhiteSpace(FileStorageSetup.S3Options(configuration).Bucket))
        {
            await Console.Error.WriteLineAsync("Configurá el almacenamiento S3 (Storage:S3:ServiceUrl, Storage:S3:Bucket, Storage:S3:AccessKey, Storage:S3:SecretKey) antes de copiar los archivos.");
            return 2;
        }

        var local = app.Services.GetRequiredService<LocalDiskFileStore>();
        var s3 = app.Services.GetRequiredService<S3FileStore>();
        if (configuration.GetValue("Storage:S3:CreateBucket", false))
        {
            await s3.EnsureBucketAsync();
        }

        int copied = 0, skipped = 0;
        foreach (var name in local.StoredNames())
        {
            var path = local.PathOf(name);
            if (await s3.SizeOfAsync(name) == new FileInfo(path).Length)
            {
                skipped++;
                continue;
            }

            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await s3.SaveAsAsync(name, file);
            copied++;
        }

        Console.WriteLine($"Archivos copiados de {local.Root} al bucket «{s3.Bucket}»: {copied}; ya estaban: {skipped}.");
        return 0;
    }
}
