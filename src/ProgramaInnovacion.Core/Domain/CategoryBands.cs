namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// A population band that defines a municipality category: a municipality belongs to the first
/// band (smallest to largest) whose upper limit it does not exceed; the last band has no limit.
/// </summary>
public class CategoryBand
{
    public int Id { get; set; }

    public MunicipalityCategory Category { get; set; }

    /// <summary>The largest population of the band, inclusive; null for the last band.</summary>
    public int? MaxPopulation { get; set; }
}

public static class CategoryBands
{
    /// <summary>The program's default bands: hasta 50.000, 50.001 a 200.000, más de 200.000 habitantes.</summary>
    public static IReadOnlyList<CategoryBand> Defaults() =>
    [
        new() { Category = MunicipalityCategory.Small, MaxPopulation = 50_000 },
        new() { Category = MunicipalityCategory.Intermediate, MaxPopulation = 200_000 },
        new() { Category = MunicipalityCategory.Large, MaxPopulation = null },
    ];

    /// <summary>The category of a population under the given bands (in any order).</summary>
    public static MunicipalityCategory Classify(int population, IEnumerable<CategoryBand> bands)
    {
        var ordered = Ordered(bands);
        return ordered.FirstOrDefault(b => b.MaxPopulation is null || population <= b.MaxPopulation)?.Category ?? ordered[^1].Category;
    }

    public static IReadOnlyList<CategoryBand> Ordered(IEnumerable<CategoryBand> bands) =>
        bands.OrderBy(b => b.MaxPopulation ?? int.MaxValue).ToList();

    /// <summary>"hasta 50.000", "50.001 a 200.000", "más de 200.000" habitantes.</summary>
    public static string Describe(CategoryBand band, IEnumerable<CategoryBand> bands)
    {
        var ordered = Ordered(bands);
        var index = ordered.ToList().FindIndex(b => b.Category == band.Category);
        var lower = index > 0 ? ordered[index - 1].MaxPopulation : null;
        var es = System.Globalization.CultureInfo.GetCultureInfo("es-AR");
        return (lower, band.MaxPopulation) switch
        {
            (null, { } max) => $"hasta {max.ToString("N0", es)} habitantes",
            ({ } min, { } max) => $"{(min + 1).ToString("N0", es)} a {max.ToString("N0", es)} habitantes",
            ({ } min, null) => $"más de {min.ToString("N0", es)} habitantes",
            _ => "cualquier población",
        };
    }

    /// <summary>Null when the limits are usable: increasing, positive, the last one open.</summary>
    public static string? Validate(int? smallMax, int? intermediateMax)
    {
        if (smallMax is not > 0 || intermediateMax is not > 0)
        {
            return "Indicá los límites de población como números enteros mayores que cero.";
        }

        return intermediateMax <= smallMax ? "El límite de las ciudades intermedias tiene que ser mayor que el de las pequeñas." : null;
    }
}
