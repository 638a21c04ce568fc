using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace ProgramaInnovacion.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviderExtensions
{
    public const string SqliteMigrationsAssembly = "ProgramaInnovacion.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ProgramaInnovacion.Migrations.Postgres";

    /// <summary>
    /// Points the context at the chosen provider and its own migrations project. Migrating does not
    /// compare the model with the last migration's snapshot (issue 14: start-up): EF Core builds the
    /// snapshot's model and the design-time model and diffs them before every migration run: 9 % of the
    /// CPU of `migrate` on a fresh SQLite file, in a sampled trace. tests/run.sh makes the same check once per
    /// change (`dotnet ef migrations has-pending-model-changes`, per provider) and fails the build.
    /// The queries' own functions (<see cref="QueryFunctions"/>) are translated on both providers.
    /// </summary>
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        WithProvider(options, provider, connectionString)
            .UseQueryFunctions()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    private static DbContextOptionsBuilder WithProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => options.UseNpgsql(PostgresConnectionDefaults.Apply(connectionString), o => o
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .ExecutionStrategy(dependencies => new PostgresRetry(dependencies))),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Proveedor de base de datos desconocido."),
        };
}

/// <summary>
/// What the portal adds to a PostgreSQL connection string unless it already says otherwise
/// (issue 14). Every page sends the same few statements over and over; unprepared, PostgreSQL
/// parses and plans each one on every request, which on the benchmark's stage form cost more
/// server time than running them. Npgsql then prepares the statements a connection has run
/// twice and keeps them while the connection sits in the pool; the reset it would send when a
/// connection returns to the pool (DISCARD ALL, or its prepared-statement-keeping variant) is
/// skipped, because the portal never leaves session state behind: no SET outside a transaction,
/// no temporary tables, no LISTEN, no advisory locks. An open transaction is still rolled back.
/// </summary>
public static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 64;
    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}

/// <summary>
/// How the app rides out a PostgreSQL restart or failover: every query and SaveChanges, and every
/// use case's transaction (UseCaseTransaction), is re-run by EF's execution strategy on a
/// transient failure.
/// </summary>
public sealed class PostgresRetry(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, RetryCount, RetryDelayCap, [.. ErrorCodesToAdd])
{
    /// <summary>
    /// Codes treated as transient beyond what Npgsql already says. Npgsql 10's
    /// <c>PostgresException.IsTransient</c> already covers 57P01 (admin shutdown), 57P02, 57P03
    /// (cannot connect now), 08000, 08001, 08003, 08004, 08006 and 08007, and socket errors while
    /// connecting; the one code of the connection class it leaves out is 08P01 (protocol
    /// violation), which a server killed mid-message produces. Listing the admin-shutdown and
    /// starting-up codes again keeps them transient should a later Npgsql narrow its list.
    /// </summary>
    public static readonly IReadOnlyList<string> ErrorCodesToAdd = ["57P01", "57P03", "08P01"];

    /// <summary>Retries with delays of about 1, 2, 2, 2… s: a fast restart (1–3 s) is ridden out, a real outage fails after ~15 s.</summary>
    public const int RetryCount = 8;

    public static readonly TimeSpan RetryDelayCap = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Also a commit refused because the server ended the connection first: Npgsql then throws
    /// ObjectDisposedException (wrapping the 57P01) before sending COMMIT, so the transaction was
    /// rolled back by the server and running the use case again is safe. Seen in
    /// tests/faults/pg-restart.sh when a restart lands between a use case's last SaveChanges and
    /// its commit.
    /// </summary>
    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception)
        || (exception is ObjectDisposedException { InnerException: { } inner } && base.ShouldRetryOn(inner));
}
