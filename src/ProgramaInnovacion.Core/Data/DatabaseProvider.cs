using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

    /// <summary>Points the context at the chosen provider and its own migrations project.</summary>
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .ExecutionStrategy(dependencies => new PostgresRetry(dependencies))),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Proveedor de base de datos desconocido."),
        };
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
