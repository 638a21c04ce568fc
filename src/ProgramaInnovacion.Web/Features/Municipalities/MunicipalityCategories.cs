using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Municipalities;

/// <summary>The two limits an administrator edits; the last band (grandes) has no limit.</summary>
public class CategoryBandsForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Límite de las ciudades pequeñas")]
    public string? SmallMax { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Límite de las ciudades intermedias")]
    public string? IntermediateMax { get; set; }
}

public sealed record CategoryBandRow(MunicipalityCategory Category, string Range, int Municipalities);

public sealed record CategoryBandsViewModel(CategoryBandsForm Form, IReadOnlyList<CategoryBandRow> Bands, int WithoutPopulation);

/// <summary>
/// The one rule that gives a municipality its category: with a known population, the band it falls
/// in (<see cref="CategoryBands.Classify"/>); without one, the category typed by hand. Used by the
/// municipality form, the CSV import and the band editor, so a category never disagrees with the bands.
/// </summary>
public class MunicipalityCategories(AppDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<CategoryBand>> BandsAsync()
    {
        var bands = await db.CategoryBands.AsNoTracking().ToListAsync();
        return bands.Count == 3 ? bands : CategoryBands.Defaults();
    }

    /// <summary>The category a municipality gets: from its population under the bands, or the one chosen by hand.</summary>
    public static MunicipalityCategory For(int? population, MunicipalityCategory typed, IReadOnlyList<CategoryBand> bands) =>
        population is { } p ? CategoryBands.Classify(p, bands) : typed;

    public async Task<CategoryBandsViewModel> PageAsync(CategoryBandsForm? form = null)
    {
        var bands = CategoryBands.Ordered(await BandsAsync());
        var counts = await db.Municipalities.AsNoTracking().Where(m => m.Population != null)
            .GroupBy(m => m.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var withoutPopulation = await db.Municipalities.CountAsync(m => m.Population == null);
        form ??= new CategoryBandsForm
        {
            SmallMax = Text(bands.Single(b => b.Category == MunicipalityCategory.Small).MaxPopulation),
            IntermediateMax = Text(bands.Single(b => b.Category == MunicipalityCategory.Intermediate).MaxPopulation),
        };
        return new CategoryBandsViewModel(form, bands.Select(b => new CategoryBandRow(b.Category, CategoryBands.Describe(b, bands), counts.GetValueOrDefault(b.Category))).ToList(), withoutPopulation);
    }

    private static string Text(int? value) => value is { } v ? v.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("es-AR")) : "";

    /// <summary>Changes the two limits and recategorizes every municipality with a population, in one transaction with its audit entry.</summary>
    public async Task<CommandResult<int>> SaveBandsAsync(CategoryBandsForm form, ClaimsPrincipal actor)
    {
        var small = ReadLimit(form.SmallMax);
        var intermediate = ReadLimit(form.IntermediateMax);
        var errors = new Dictionary<string, string>();
        if (small is null)
        {
            errors[nameof(form.SmallMax)] = "Escribí el límite de las ciudades pequeñas como un número entero mayor que cero (por ejemplo, 50.000).";
        }

        if (intermediate is null)
        {
            errors[nameof(form.IntermediateMax)] = "Escribí el límite de las ciudades intermedias como un número entero mayor que cero (por ejemplo, 200.000).";
        }

        if (errors.Count == 0 && CategoryBands.Validate(small, intermediate) is { } problem)
        {
            errors[nameof(form.IntermediateMax)] = problem;
        }

        if (errors.Count > 0)
        {
            return CommandResult.Fail<int>(errors.Count == 1 ? errors.Values.Single() : "Revisá los límites marcados.", errors);
        }

        return CommandResult.Ok(await db.InTransactionAsync(async () =>
        {
            var bands = await db.CategoryBands.ToListAsync();
            if (bands.Count != 3)
            {
                db.CategoryBands.RemoveRange(bands);
                bands = CategoryBands.Defaults().ToList();
                db.CategoryBands.AddRange(bands);
            }

            var before = string.Join("; ", CategoryBands.Ordered(bands).Select(b => CategoryBands.Describe(b, bands)));
            bands.Single(b => b.Category == MunicipalityCategory.Small).MaxPopulation = small;
            bands.Single(b => b.Category == MunicipalityCategory.Intermediate).MaxPopulation = intermediate;
            bands.Single(b => b.Category == MunicipalityCategory.Large).MaxPopulation = null;
            await db.SaveChangesAsync();
            var changed = await RecategorizeAllAsync(bands);
            var after = string.Join("; ", CategoryBands.Ordered(bands).Select(b => CategoryBands.Describe(b, bands)));
            audit.Record(actor, AuditActions.CategoryBandsEdited, nameof(CategoryBand), null, $"Antes: {before}. Después: {after}. {changed} municipios cambiaron de categoría.");
            await db.SaveChangesAsync();
            return changed;
        }));
    }

    /// <summary>One UPDATE per band (set-based: ~2,300 municipalities stay one round trip each), only rows that change.</summary>
    private async Task<int> RecategorizeAllAsync(IReadOnlyList<CategoryBand> bands)
    {
        var ordered = CategoryBands.Ordered(bands);
        var changed = 0;
        int? lower = null;
        foreach (var band in ordered)
        {
            var (min, max, category) = (lower, band.MaxPopulation, band.Category);
            changed += await db.Municipalities
                .Where(m => m.Population != null && (min == null || m.Population > min) && (max == null || m.Population <= max) && m.Category != category)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Category, category));
            lower = band.MaxPopulation;
        }

        return changed;
    }

    /// <summary>A population limit as people type it ("50.000" or "50000"); null when it is not a positive whole number.</summary>
    public static int? ReadLimit(string? text) =>
        Core.Deliverables.ArgentineNumber.Read(text).Value is { } v && v == decimal.Truncate(v) && v is > 0 and <= 20_000_000 ? (int)v : null;
}
