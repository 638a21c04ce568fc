using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>A portal that records every database command that fails, from its very first start.</summary>
public sealed class FailedCommandsPortalFactory : PortalFactory
{
    public ConcurrentQueue<string> FailedCommands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(new FailureRecorder(FailedCommands)));
    }

    private sealed class FailureRecorder(ConcurrentQueue<string> failed) : DbCommandInterceptor
    {
        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
            failed.Enqueue($"{command.CommandText} -> {eventData.Exception.Message}");

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            CommandFailed(command, eventData);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The first start against an existing, empty database (migrations, reference data and demo) runs no command
/// that fails: EF Core logs every failed command as an error, and a first start that prints [ERR]
/// lines reads as broken to whoever installs the portal. On PostgreSQL the migrations history table
/// used to be read before it existed (npgsql/efcore.pg#3407); on SQLite that read never failed.
/// </summary>
public class FirstStartTests
{
    [Fact]
    public async Task AFirstStartOnAnEmptyDatabase_RunsNoFailingCommand()
    {
        await using var portal = new FailedCommandsPortalFactory();
        // The database exists and is empty, as docker-compose's PostgreSQL image hands it over.
        await portal.Database.CreateEmptyAsync();
        await portal.InitializeAsync();

        Assert.NotNull(await portal.WithDbAsync(db => Task.FromResult(db.Editions.FirstOrDefault())));
        Assert.Empty(portal.FailedCommands);
    }
}
