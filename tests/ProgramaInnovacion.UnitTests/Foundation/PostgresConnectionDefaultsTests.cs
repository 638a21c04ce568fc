using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class PostgresConnectionDefaultsTests
{
    [Fact]
    public void TheContext_PreparesRepeatedStatements_AndSkipsTheResetOnReturnToThePool()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(DatabaseProvider.Postgres, "Host=db;Database=programa;Username=programa;Password=secreta");
        using var db = new AppDbContext(options.Options);

        var used = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, used.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionDefaults.AutoPrepareMinUsages, used.AutoPrepareMinUsages);
        Assert.True(used.NoResetOnClose);
        Assert.Equal(("db", "programa", "programa", "secreta"), (used.Host, used.Database, used.Username, used.Password));
    }

    [Fact]
    public void WhatTheOperatorWrote_Wins()
    {
        var used = new NpgsqlConnectionStringBuilder(
            PostgresConnectionDefaults.Apply("Host=db;Database=programa;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=false"));

        Assert.Equal(0, used.MaxAutoPrepare);
        Assert.Equal(5, used.AutoPrepareMinUsages);
        Assert.False(used.NoResetOnClose);
    }
}
