using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProgramaInnovacion.Core.Data;

public static class MigrationsHistory
{
    /// <summary>
    /// Applies the migrations the database lacks and returns their names (none when it is up to date).
    /// </summary>
    /// <remarks>
    /// <para>Migrates only when something is pending (issue 14: start-up on an existing database):
    /// MigrateAsync on an up-to-date database still takes the migrations lock and diffs the model.
    /// Two instances starting together are safe: MigrateAsync reads the history again under its lock.</para>
    /// <para>In a database that exists, the history table is created first when missing (CREATE TABLE IF NOT EXISTS, which
    /// migrating runs anyway). The PostgreSQL provider takes the table for granted and treats the
    /// "does not exist" error of its first read as "nothing applied yet", but EF Core logs that failed
    /// command first: every start against an empty PostgreSQL database printed two [ERR] lines that
    /// were no failure (npgsql/efcore.pg#3407).</para>
    /// </remarks>
    public static async Task<IReadOnlyList<string>> ApplyPendingMigrationsAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        // A database that does not exist yet is created by MigrateAsync, which then knows its history is empty.
        if (await database.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await database.MigrateAsync(cancellationToken);
        }

        return pending;
    }
}
