using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;

namespace ProgramaInnovacion.Web.Setup;

public static class StartupTasks
{
    /// <summary>
    /// Applies migrations (when configured), seeds the reference data and, in Development or with
    /// --seed-demo / Seed:Demo=true, the demo edition. Then prints where the portal listens.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var seedDemo = args.Contains("--seed-demo") || app.Configuration.GetValue("Seed:Demo", app.Environment.IsDevelopment());
        // Demo accounts share one published password: never in a real deployment by accident.
        if (seedDemo && !app.Environment.IsDevelopment() && !args.Contains("--force") && !app.Configuration.GetValue("Seed:Force", false))
        {
            throw new InvalidOperationException(
                $"Los datos de demostración (--seed-demo o Seed:Demo) solo se cargan en Development: crean cuentas con una contraseña publicada. El entorno es «{app.Environment.EnvironmentName}»; si de verdad los querés acá, agregá --force (o Seed:Force=true).");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (options.MigrateOnStartup)
        {
            await db.Database.ApplyPendingMigrationsAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            app.Logger.LogWarning("La base de datos tiene migraciones pendientes: ejecutá el comando «migrate».");
            return;
        }

        await SeedAsync(scope.ServiceProvider, db, seedDemo);
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, seedDemo));
    }

    /// <summary>
    /// The reference data and, when asked, the demo, committed together: all of it or nothing, so a
    /// start that fails halfway never leaves a demo that the next start takes for complete (the
    /// seeders skip what exists). One commit instead of one per save (issue 14: cold start): every
    /// SQLite commit waits for the file and its journal to reach the disk, and a fresh demo start
    /// synced 74 times, now 29 (counted with strace; the rest are the migrations'). Run by the
    /// execution strategy, so a PostgreSQL restart mid-seed starts it over from an empty change tracker.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, AppDbContext db, bool seedDemo)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await services.GetRequiredService<ProgramSeeder>().SeedReferenceDataAsync();
            if (seedDemo)
            {
                await services.GetRequiredService<DemoSeeder>().SeedAsync();
            }

            await transaction.CommitAsync();
        });
    }

    private static void PrintWelcome(WebApplication app, bool demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "  Programa de Innovación para la Transformación Digital", "" };
        lines.AddRange(addresses.Select(a => $"  Portal disponible en {a.Replace("[::]", "localhost", StringComparison.Ordinal)}"));
        if (demo)
        {
            lines.Add("");
            lines.Add($"  Cuentas de demostración (contraseña para todas: {DemoSeeder.DemoPassword}):");
            lines.AddRange(DemoSeeder.Accounts.Select(a => $"    {a.Email,-32} {a.Role}"));
        }

        lines.Add("");
        // Console, not the logger: this is the newcomer's welcome, not an operational event.
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
