using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// A long read (an export streaming its rows, a report) must not stall the people who save.
/// PostgreSQL never blocks a writer for a reader; SQLite does in its rollback journal (the save
/// waits out the 30-s busy timeout, then fails), and EF Core's migrations create the file in
/// write-ahead-log mode, where it does not. This keeps it that way on both engines.
/// </summary>
public class ConcurrentReadWriteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ASaveSucceeds_WhileAnotherConnectionIsHalfWayThroughAStreamedRead()
    {
        var user = await factory.CreateUserAsync("lectura.larga@programa.example", Roles.Expert);
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var page = await admin.GetPageAsync($"/admin/usuarios/{user.Id}");

        await using DbConnection reader = factory.Database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(factory.Database.ConnectionString)
            : new NpgsqlConnection(factory.Database.ConnectionString);
        await reader.OpenAsync();
        // A streamed read (an export writing rows as it goes) is half-way through its rows.
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT \"Id\" FROM \"Projects\"";
            await using var rows = await read.ExecuteReaderAsync();
            Assert.True(await rows.ReadAsync());

            var saved = await admin.SubmitFormAsync(page, "form.user-form", new Dictionary<string, string> { ["Form.DisplayName"] = "Leída durante la escritura" }, $"/admin/usuarios/{user.Id}");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.True(await rows.ReadAsync());
        }

        Assert.Equal("Leída durante la escritura", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
        if (factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            await using var mode = reader.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await mode.ExecuteScalarAsync());
        }
    }
}
