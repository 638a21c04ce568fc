using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class PostgresRetryTests
{
    private static AppDbContext PostgresContext() => Context(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=unused;Username=u;Password=p");

    private static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, connectionString);
        return new AppDbContext(options.Options);
    }

    [Theory]
    [InlineData("57P01")] // admin shutdown: pg_ctl stop -m fast
    [InlineData("57P03")] // the database system is starting up
    [InlineData("08006")] // connection failure
    [InlineData("08P01")] // protocol violation: a server killed mid-message (Npgsql does not count it)
    public Task Strategy_OnTransientCode_RunsTheOperationAgain(string sqlState) =>
        AssertRetriedOnceAsync(new PostgresException("simulated", "FATAL", "FATAL", sqlState));

    [Fact]
    public Task Strategy_OnACommitRefusedBecauseTheServerEndedTheConnection_RunsTheOperationAgain() =>
        // What NpgsqlTransaction.Commit throws after a fast shutdown killed its connection.
        AssertRetriedOnceAsync(new ObjectDisposedException("NpgsqlTransaction", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));

    private static async Task AssertRetriedOnceAsync(Exception firstFailure)
    {
        await using var db = PostgresContext();
        var attempts = 0;

        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(() =>
            ++attempts == 1 ? throw firstFailure : Task.FromResult("done"));

        Assert.Equal("done", result);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Strategy_OnUniqueViolation_DoesNotRetry()
    {
        await using var db = PostgresContext();
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            attempts++;
            await Task.Yield();
            throw new PostgresException("duplicate", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
        }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public void Sqlite_HasNoRetryingStrategy()
    {
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");

        Assert.False(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
