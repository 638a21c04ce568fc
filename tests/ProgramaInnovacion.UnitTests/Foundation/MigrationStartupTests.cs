using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class MigrationStartupTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=unused;Username=u;Password=p")]
    public void UseProvider_LeavesThePendingModelCheckToTheBuild_NotToEveryMigrationRun(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseProvider(provider, connectionString).Options;

        // Ignored, EF Core skips building the snapshot's model and diffing it before migrating; tests/run.sh checks it.
        var warnings = options.FindExtension<CoreOptionsExtension>()!.WarningsConfiguration;
        Assert.Equal(WarningBehavior.Ignore, warnings.GetBehavior(RelationalEventId.PendingModelChangesWarning));
        // Every other warning keeps EF Core's behaviour.
        Assert.Null(warnings.GetBehavior(RelationalEventId.MigrationsNotFound));
    }
}
