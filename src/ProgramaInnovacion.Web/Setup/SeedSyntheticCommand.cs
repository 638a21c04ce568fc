using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// <c>seed-synthetic --projects N --revisions M --seed S</c>: migrates, seeds the reference data and
/// writes a deterministic synthetic edition (<see cref="SyntheticEditionSeeder"/>) for load tests
/// and for measuring pages at scale. Running it again with the same numbers writes nothing.
/// </summary>
public static class SeedSyntheticCommand
{
    public const string Usage = "Uso: seed-synthetic --projects N --revisions M [--seed S] (N de 1 a 5000, M de 1 a 50)";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ApplyPendingMigrationsAsync();
        await scope.ServiceProvider.GetRequiredService<ProgramSeeder>().SeedReferenceDataAsync();
        var result = await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(options);
        if (result is null)
        {
            Console.WriteLine($"La edición «{SyntheticEditionSeeder.EditionName(options)}» ya existe: no se escribió nada.");
            return 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Edición «{result.EditionName}» creada en {result.Elapsed.TotalSeconds:0.0} s: {result.Projects} proyectos, {result.Deliverables} entregables, {result.Revisions} revisiones."));
        Console.WriteLine($"Coordinación: {SyntheticEditionSeeder.CoordinatorEmail(options.Seed)}; equipos: {SyntheticEditionSeeder.TeamEmail(options.Seed, 0)}…; contraseña: {DemoSeeder.DemoPassword}");
        return 0;
    }

    internal static SyntheticEditionOptions? Parse(string[] args)
    {
        int? Number(string name, int? fallback, int max)
        {
            var index = Array.IndexOf(args, name);
            if (index < 0)
            {
                return fallback;
            }

            return index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
                ? value
                : null;
        }

        return (Number("--projects", null, 5000), Number("--revisions", null, 50), Number("--seed", 1, int.MaxValue)) is ({ } projects, { } revisions, { } seed)
            ? new SyntheticEditionOptions(projects, revisions, seed)
            : null;
    }
}
