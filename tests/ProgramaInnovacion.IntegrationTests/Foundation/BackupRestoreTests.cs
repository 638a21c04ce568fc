using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// The backup of docs/operations.md, done and restored: the database (pg_dump -Fc / pg_restore on
/// PostgreSQL; SQLite's online backup on SQLite) and the file store (a copy of the uploads folder).
/// </summary>
public sealed class BackupRestoreTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Backup_RestoredIntoAnEmptyDatabase_ReadsTheApprovedFinalProjectAndItsAttachmentBack()
    {
        var tandil = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());
        var attachmentId = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "plan de obra.pdf");
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", attachmentId);
        var backup = Directory.CreateTempSubdirectory("programa-backup-").FullName;
        var restored = factory.Database.Provider == DatabaseProvider.Postgres
            ? await DumpAndRestorePostgresAsync(backup)
            : BackUpSqlite(backup);
        try
        {
            CopyFolder(Path.Combine(factory.Database.DataPath, "uploads"), Path.Combine(backup, "uploads"));

            var options = new DbContextOptionsBuilder<AppDbContext>();
            options.UseProvider(factory.Database.Provider, restored.ConnectionString);
            await using var db = new AppDbContext(options.Options);
            var submission = await db.DeliverableRevisions
                .Where(r => r.Deliverable.ProjectStage.ProjectId == tandil && r.Deliverable.ProjectStage.StageDefinition.Key == "proyecto-final" && r.Kind == RevisionKind.Submission)
                .OrderByDescending(r => r.Number).FirstAsync();
            var attachment = await db.Attachments.SingleAsync(a => a.Id == attachmentId);
            var store = new LocalDiskFileStore(Path.Combine(backup, "uploads"));
            await using var file = await store.OpenReadAsync(attachment.StoredName);
            using var bytes = new MemoryStream();
            await file!.CopyToAsync(bytes);

            Assert.Contains($"\"adjuntos\":[{attachmentId}]", submission.ContentJson, StringComparison.Ordinal);
            Assert.Equal("plan de obra.pdf", attachment.OriginalFileName);
            Assert.Equal(AttachmentTestData.Pdf, bytes.ToArray());
        }
        finally
        {
            await restored.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(backup, recursive: true);
        }
    }

    /// <summary>pg_dump in the custom format, pg_restore into a new empty database, as docs/operations.md says.</summary>
    private async Task<Restored> DumpAndRestorePostgresAsync(string backup)
    {
        var source = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString);
        var target = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = source.Database + "_restored", Pooling = false };
        var dump = Path.Combine(backup, "programa.dump");
        await RunAsync("pg_dump", source, "--format=custom", "--no-owner", "--file", dump, source.Database!);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", admin).ExecuteNonQueryAsync();
        }

        await RunAsync("pg_restore", target, "--no-owner", "--exit-on-error", "--dbname", target.Database!, dump);
        return new Restored(target.ConnectionString, async () =>
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        });
    }

    /// <summary>SQLite's online backup (what `sqlite3 programa.db ".backup copia.db"` does) of the live file.</summary>
    private Restored BackUpSqlite(string backup)
    {
        var copy = $"Data Source={Path.Combine(backup, "programa.db")}";
        using (var live = new SqliteConnection(factory.Database.ConnectionString))
        using (var target = new SqliteConnection(copy))
        {
            live.Open();
            live.BackupDatabase(target);
        }

        return new Restored(copy, () => Task.CompletedTask);
    }

    /// <summary>pg_dump / pg_restore from the newest PostgreSQL installed, found as tests/pg.sh finds its binaries.</summary>
    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder connection, params string[] arguments)
    {
        var bin = Directory.EnumerateDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, tool)))
            .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
            .LastOrDefault() ?? throw new InvalidOperationException($"{tool} no está instalado en /usr/lib/postgresql/*/bin.");
        var start = new ProcessStartInfo(Path.Combine(bin, tool)) { RedirectStandardError = true };
        foreach (var argument in new[] { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} terminó con {process.ExitCode}: {errors}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private sealed record Restored(string ConnectionString, Func<Task> Drop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Drop();
    }
}
