using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;
using ProgramaInnovacion.Web.Features.Library;

// Generates thousands of library cases on the migrated schema (so the database's own full-text
// index is built as they are written: ADR 0014) and prints how long indexing and searches take.
// Usage: dotnet run -- [cases=5000] [sqlite|postgres] [postgres connection string]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var provider = args.Length > 1 ? args[1] : "sqlite";
var options = new DbContextOptionsBuilder<AppDbContext>();
string? sqliteFile = null;
if (provider == "postgres")
{
    var baseConnection = args.Length > 2 ? args[2] : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    options.UseProvider(DatabaseProvider.Postgres, $"{baseConnection};Database=case_bench_{Environment.ProcessId}");
}
else
{
    sqliteFile = Path.Combine(Path.GetTempPath(), $"case-bench-{Environment.ProcessId}.db");
    options.UseProvider(DatabaseProvider.Sqlite, $"Data Source={sqliteFile}");
}

if (Environment.GetEnvironmentVariable("BENCH_SQL") is not null)
{
    options.LogTo(Console.WriteLine, [DbLoggerCategory.Database.Command.Name], Microsoft.Extensions.Logging.LogLevel.Information);
}

await using var db = new AppDbContext(options.Options);
if (Environment.GetEnvironmentVariable("KEEP_BENCH_DB") is null)
{
    await db.Database.EnsureDeletedAsync();
}
else
{
    Console.WriteLine($"Base conservada: {sqliteFile ?? "case_bench_" + Environment.ProcessId}");
}
await db.Database.MigrateAsync();

var now = DateTime.UtcNow;
var edition = new ProgramEdition { ShareApprovedDeliverables = true, Name = "Edición de prueba", Theme = "Rendimiento", StartsAtUtc = now, CreatedAtUtc = now, Stages = [new StageDefinition { Order = 1, Key = "casos", Role = StageRole.CaseStudy, Name = "Estudio de casos" }] };
var municipality = new Municipality { Name = "Ciudad de prueba", Province = "Buenos Aires", Slug = "prueba", Category = MunicipalityCategory.Intermediate };
var project = ProjectFactory.Create(edition, municipality, now);
db.Projects.Add(project);
await db.SaveChangesAsync();
// The library shows only cases of approved stages (CaseReaders); ProjectStage.Apply would need the whole workflow.
await db.Database.ExecuteSqlRawAsync("UPDATE \"ProjectStages\" SET \"State\" = 'Approved'");

string[] topics = ["gestión de reclamos", "habilitación comercial", "licencia de conducir", "libre deuda", "expediente de obra", "turnos médicos", "datos abiertos", "presupuesto participativo", "alumbrado público", "residuos"];
string[] cities = ["Rosario", "Córdoba", "Mendoza", "Montevideo", "Santiago", "Bogotá", "Medellín", "Lima", "Quito", "Asunción"];
var random = new Random(42);
var batches = new List<List<CaseEntry>>();
const int batch = 500;
for (var start = 0; start < count; start += batch)
{
    var rows = new JsonArray();
    for (var i = start; i < Math.Min(count, start + batch); i++)
    {
        var topic = topics[random.Next(topics.Length)];
        rows.Add(new JsonObject
        {
            ["ciudad"] = $"{cities[random.Next(cities.Length)]} {i}",
            ["pais"] = "Argentina",
            ["descripcion"] = $"Digitalización de {topic} con seguimiento en línea",
            ["resultados"] = $"Reducción del {random.Next(10, 90)} % en el tiempo de {topics[random.Next(topics.Length)]}",
            ["lecciones"] = $"Empezar por {topics[random.Next(topics.Length)]} y medir los tiempos de respuesta.",
        });
    }

    var entries = CaseDocuments.Build(new ApprovedStageSource(project.Stages[0].Id, StageRole.CaseStudy, edition.Id, municipality.Name, municipality.Category, null, DeliverableContent.Serialize(new JsonObject { ["casos"] = rows })), now);
    foreach (var entry in entries)
    {
        entry.RowIndex += start;
    }

    batches.Add([.. entries]);
}

// Timed: writing the cases, which is when each engine indexes them (the generated tsvector column,
// the FTS5 triggers), as an approval's save does.
var watch = Stopwatch.StartNew();
foreach (var entries in batches)
{
    db.CaseEntries.AddRange(entries);
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();
}

var writing = watch.ElapsedMilliseconds;

// Timed: the engine alone indexing every case again, as the migration does for a library it finds
// (PostgreSQL recomputes the generated vector and its GIN entries; SQLite refills the FTS5 table).
watch.Restart();
await db.Database.ExecuteSqlRawAsync(provider == "postgres"
    ? "UPDATE \"CaseEntries\" SET \"Title\" = \"Title\" || ''"
    : "DELETE FROM \"CaseSearch\"; INSERT INTO \"CaseSearch\"(rowid, title, summary, body, place) SELECT \"Id\", \"Title\", \"Summary\", \"Body\", \"MunicipalityName\" || ' ' || \"City\" || ' ' || \"Country\" FROM \"CaseEntries\"");
var indexing = watch.ElapsedMilliseconds;

if (provider == "postgres")
{
    // Fresh statistics, as autovacuum would have gathered them on a live database.
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
}

// Shared machines make wall-clock figures noisy: the load average goes with them.
Console.WriteLine($"{provider}: carga del equipo {File.ReadAllText("/proc/loadavg").Trim()} en {Environment.ProcessorCount} núcleos");
Console.WriteLine($"{provider}: {await db.CaseEntries.CountAsync()} casos reindexados por el motor en {indexing} ms (meta: menos de 2000 ms)");
Console.WriteLine($"{provider}: los mismos casos escritos por EF Core en lotes de {batch}, índice incluido, en {writing} ms");

var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, Roles.Coordinator)], "bench"));
// Searching uses neither the drafts nor the audit log (only "add to my case study" does).
var library = new CaseLibrary(db, null!, null!);
string[] queries = ["gestion", "gestión de reclamos", "habilitacion comercial", "licencias", "datos abiertos rosario", "\"turnos médicos\"", "presupu*", "tramite inexistente"];
var slowest = 0.0;
foreach (var query in queries)
{
    await library.SearchAsync(new CaseSearchQuery { Q = query }, reader); // warm-up
    const int runs = 20;
    watch.Restart();
    CaseSearchViewModel? page = null;
    for (var i = 0; i < runs; i++)
    {
        page = await library.SearchAsync(new CaseSearchQuery { Q = query }, reader);
    }

    var perSearch = watch.Elapsed.TotalMilliseconds / runs;
    slowest = Math.Max(slowest, perSearch);
    Console.WriteLine($"  «{query}»: {page!.Total,6} resultados, {perSearch,8:F1} ms por búsqueda (página de {page.Results.Count}, con fragmentos resaltados)");
}

Console.WriteLine($"{provider}: búsqueda más lenta {slowest:F1} ms (meta: menos de 20 ms)");

if (Environment.GetEnvironmentVariable("KEEP_BENCH_DB") is null)
{
    await db.Database.EnsureDeletedAsync();
}
else
{
    Console.WriteLine($"Base conservada: {sqliteFile ?? "case_bench_" + Environment.ProcessId}");
}
