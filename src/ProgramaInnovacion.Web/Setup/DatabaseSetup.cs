using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;

namespace ProgramaInnovacion.Web.Setup;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (the `migrate` verb does it explicitly).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        var connectionString = ResolveConnectionString(builder.Configuration, builder.Environment, options.Provider);

        builder.Services.AddDbContext<AppDbContext>(o => o.UseProvider(options.Provider, connectionString));
        builder.Services.AddScoped<ProgramSeeder>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The configured connection string; for SQLite with none configured, a file in the data
    /// folder, so the portal runs with zero set-up. Relative SQLite paths resolve against it too.
    /// </summary>
    internal static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Con Database:Provider=Postgres hay que configurar ConnectionStrings:Default.")
                : configured;
        }

        var dataPath = StorageSetup.ResolveDataPath(configuration, environment);
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=programa.db" : configured);
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
        {
            sqlite.DataSource = Path.Combine(dataPath, sqlite.DataSource);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource))!);
        return sqlite.ToString();
    }
}
