using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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

/// <summary>The provider and connection string the app runs on, resolved once.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.AddPerformanceCounters();

        // Resolved when the first context is built, so hosts that add configuration late (the
        // integration tests' WebApplicationFactory) choose the provider too.
        builder.Services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
            return new DatabaseConnection(provider, ResolveConnectionString(configuration, sp.GetRequiredService<IHostEnvironment>(), provider));
        });
        // Pooled (issue 14): contexts are reset and reused instead of built per request; the context
        // holds no state of its own beyond what EF resets.
        builder.Services.AddDbContextPool<AppDbContext>((sp, o) =>
        {
            var connection = sp.GetRequiredService<DatabaseConnection>();
            o.UseProvider(connection.Provider, connection.ConnectionString);
            if (CompiledModel(connection.Provider) is { } model)
            {
                o.UseModel(model);
            }

            // Hosts may register interceptors (the tests count SQL commands per page with one).
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        builder.Services.AddScoped<ProgramSeeder>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<SyntheticEditionSeeder>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The provider's compiled model (issue 14: start-up), generated into its migrations project by
    /// tests/compiled-model.sh: building the model from the configurations was about a third of the CPU
    /// of a start on an existing database. Found the way EF finds one in the context's own assembly
    /// (the generated [DbContextModel] attribute), so the app still builds and runs while the
    /// script regenerates it from scratch (a removed entity class would not compile in the old one).
    /// Design-time tools (dotnet ef) build the model from the code whatever the options say, so
    /// migrations and the regeneration never read a stale compiled model; tests/run.sh fails when a
    /// compiled model no longer matches the code.
    /// </summary>
    internal static IModel? CompiledModel(DatabaseProvider provider)
    {
        var assembly = Assembly.Load(provider switch
        {
            DatabaseProvider.Sqlite => DatabaseProviderExtensions.SqliteMigrationsAssembly,
            DatabaseProvider.Postgres => DatabaseProviderExtensions.PostgresMigrationsAssembly,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Proveedor de base de datos desconocido."),
        });
        var compiled = assembly.GetCustomAttributes<DbContextModelAttribute>().SingleOrDefault(a => a.ContextType == typeof(AppDbContext));
        return (IModel?)compiled?.ModelType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
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
