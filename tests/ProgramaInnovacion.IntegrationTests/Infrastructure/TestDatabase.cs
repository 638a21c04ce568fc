using Microsoft.Data.Sqlite;
using Npgsql;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test host: a SQLite file in a temp folder, or a new database
/// on the PostgreSQL server named by TEST_PG_CONNECTION (TEST_DB_PROVIDER=Postgres). The same
/// tests run on both; tests/run.sh runs the suite once per provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string dataPath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataPath = dataPath;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The app's data folder for this host (uploads, mail pickup, SQLite file).</summary>
    public string DataPath { get; }

    private string? PostgresName { get; }

    public static DatabaseProvider ConfiguredProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("TEST_DB_PROVIDER"), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static TestDatabase Create()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "programa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        if (ConfiguredProvider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataPath, "test.db")}", dataPath, null);
        }

        var server = Environment.GetEnvironmentVariable("TEST_PG_CONNECTION")
            ?? throw new InvalidOperationException("TEST_DB_PROVIDER=Postgres needs TEST_PG_CONNECTION (tests/run.sh sets it).");
        var name = "pi_test_" + Guid.NewGuid().ToString("N")[..16];
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 20 };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ToString(), dataPath, name);
    }

    /// <summary>
    /// Fills this new, still empty database with a copy of <paramref name="template"/>: its data
    /// folder (the SQLite file, uploads, mail) and, on PostgreSQL, CREATE DATABASE … TEMPLATE.
    /// </summary>
    public async Task CopyFromAsync(TestDatabase template)
    {
        CopyFolder(template.DataPath, DataPath);
        if (PostgresName is not null)
        {
            await using var connection = await OpenServerAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{PostgresName}\" TEMPLATE \"{template.PostgresName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Creates this database with nothing in it, as a hosting service or docker-compose's PostgreSQL
    /// image hands it over: on PostgreSQL an empty database, on SQLite an empty file. (Left alone,
    /// the first start creates the database itself.)
    /// </summary>
    public async Task CreateEmptyAsync()
    {
        if (PostgresName is null)
        {
            await using var file = new SqliteConnection(ConnectionString);
            await file.OpenAsync();
            return;
        }

        await using var connection = await OpenServerAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{PostgresName}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Closes every connection to this database, so it can be copied: SQLite checkpoints its
    /// write-ahead log into the file when the last connection closes, and PostgreSQL refuses a
    /// template that has sessions.
    /// </summary>
    public async Task CloseConnectionsAsync()
    {
        if (PostgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenServerAsync();
        await using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("name", PostgresName);
        await command.ExecuteScalarAsync();
    }

    private async Task<NpgsqlConnection> OpenServerAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(admin.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = await OpenServerAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file may still be open by a pooled connection; the temp folder is disposable.
        }
    }
}
