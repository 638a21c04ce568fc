using Microsoft.EntityFrameworkCore;

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
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Proveedor de base de datos desconocido."),
        };
}
