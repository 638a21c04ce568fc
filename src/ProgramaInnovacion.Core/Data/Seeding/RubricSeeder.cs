using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

public sealed record DefaultCriterion(string Name, string Description, int Weight, string[] Levels)
{
    /// <summary>A new criterion with this default's texts and weight, at the given position; the caller sets its edition.</summary>
    public RubricCriterion ToCriterion(int order) => new()
    {
        Order = order,
        Name = Name,
        Description = Description,
        Weight = Weight,
        Level1Label = Levels[0],
        Level2Label = Levels[1],
        Level3Label = Levels[2],
        Level4Label = Levels[3],
        Level5Label = Levels[4],
    };
}

/// <summary>
/// The default expert-panel rubric (six criteria scored 1–5): the demo editions get it, and editions
/// created later copy their source's rubric or start from these defaults.
/// Criteria are matched by name, so running it again adds nothing.
/// </summary>
public class RubricSeeder(AppDbContext db)
{
    public static IReadOnlyList<DefaultCriterion> DefaultCriteria { get; } =
    [
        new("Impacto en beneficiarios", "Cuánto mejora la vida de vecinas y vecinos, a cuántas personas alcanza y con qué evidencia.", 20,
            ["Sin impacto identificable", "Impacto acotado o poco claro", "Impacto concreto en un grupo definido", "Impacto relevante y medible", "Impacto amplio, medible y con evidencia"]),
        new("Factibilidad", "Si el municipio puede llevarlo adelante con sus recursos, plazos, capacidades y marco normativo.", 20,
            ["No es factible", "Factibilidad dudosa", "Factible con ajustes importantes", "Factible con ajustes menores", "Plenamente factible"]),
        new("Escalabilidad a otras ciudades", "Si la solución puede replicarse en otros municipios de la red con cambios razonables.", 15,
            ["No replicable", "Replicable con grandes cambios", "Replicable en ciudades similares", "Replicable en la mayoría de las ciudades", "Lista para replicarse en la red"]),
        new("Innovación", "Cuánto se aparta de lo que el municipio ya hacía y aprovecha lo aprendido en el programa.", 15,
            ["Sin novedad", "Novedad menor", "Mejora clara de lo existente", "Enfoque nuevo para el municipio", "Enfoque nuevo y de referencia"]),
        new("Sostenibilidad", "Si el proyecto tiene financiamiento, responsables y gobernanza para continuar después del programa.", 15,
            ["Sin sostenibilidad prevista", "Depende de un solo factor", "Sostenible a corto plazo", "Sostenible con plan y responsables", "Sostenibilidad asegurada"]),
        new("Orientación a resultados", "Si define metas, indicadores y un plan para medirlos y rendir cuentas.", 15,
            ["Sin metas", "Metas vagas", "Metas con algunos indicadores", "Metas e indicadores claros", "Metas, indicadores y medición en marcha"]),
    ];

    public async Task SeedAsync(int editionId, CancellationToken ct = default)
    {
        var existing = await db.RubricCriteria.Where(c => c.EditionId == editionId).Select(c => c.Name).ToListAsync(ct);
        var order = existing.Count;
        foreach (var criterion in DefaultCriteria.Where(c => !existing.Contains(c.Name)))
        {
            var added = criterion.ToCriterion(++order);
            added.EditionId = editionId;
            db.RubricCriteria.Add(added);
        }

        await db.SaveChangesAsync(ct);
    }
}
