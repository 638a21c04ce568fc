using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Municipalities;

public enum ImportRowKind
{
    New,
    Changed,
    Unchanged,
    Invalid,
}

/// <summary>A row of the preview: what the import will do with it and, for changes and errors, why.</summary>
public sealed record ImportRow(int Line, ImportRowKind Kind, string Code, string Name, string Province, int? Population, string? Reason, int? ExistingId);

/// <summary>What confirming would do: the rows by kind, and the file itself (carried to the confirmation, read again there).</summary>
public sealed record ImportPreview(string? Error, IReadOnlyList<ImportRow> Rows, string Content)
{
    public int Count(ImportRowKind kind) => Rows.Count(r => r.Kind == kind);
}

public sealed record ImportOutcome(int Created, int Updated, int Unchanged, int Invalid);

/// <summary>
/// The municipalities CSV (official code, name, province, population): a preview of new, changed,
/// unchanged and invalid rows, then an update-or-insert by official code. A municipality already
/// typed by hand (no code) is matched by name and province and receives its code. The import never
/// deletes: municipalities missing from the file, with projects or not, stay as they are.
/// Categories come from the population by <see cref="MunicipalityCategories"/>.
/// </summary>
public partial class MunicipalityImporter(AppDbContext db, MunicipalityCategories categories, AuditLog audit)
{
    private static readonly CultureInfo EsAr = CultureInfo.GetCultureInfo("es-AR");

    [GeneratedRegex("^[0-9A-Za-z-]{1,20}$")]
    private static partial Regex CodePattern();

    private sealed record Existing(int Id, string? OfficialCode, string Name, string Province, int? Population, string Slug);

    public Task<ImportPreview> PreviewAsync(byte[] bytes) => PlanAsync(MunicipalityCsv.Read(bytes), Convert.ToBase64String(bytes));

    /// <summary>Reads the file again and applies the valid rows against the database as it is now, in one transaction with one audit entry.</summary>
    public async Task<CommandResult<ImportOutcome>> ConfirmAsync(string? content, ClaimsPrincipal actor)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content ?? "");
        }
        catch (FormatException)
        {
            return CommandResult.Fail<ImportOutcome>("No recibimos el archivo de la vista previa. Subilo de nuevo.");
        }

        return await db.InTransactionAsync(async () =>
        {
            var preview = await PreviewAsync(bytes);
            if (preview.Error is { } error)
            {
                return CommandResult.Fail<ImportOutcome>(error);
            }

            var bands = await categories.BandsAsync();
            var changedIds = preview.Rows.Where(r => r.Kind == ImportRowKind.Changed).Select(r => r.ExistingId!.Value).ToList();
            var tracked = await db.Municipalities.Where(m => changedIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
            var slugs = (await db.Municipalities.Select(m => m.Slug).ToListAsync()).ToHashSet(StringComparer.Ordinal);
            foreach (var row in preview.Rows)
            {
                if (row.Kind == ImportRowKind.Changed)
                {
                    var municipality = tracked[row.ExistingId!.Value];
                    municipality.OfficialCode = row.Code;
                    municipality.Name = row.Name;
                    municipality.Province = row.Province;
                    municipality.Population = row.Population;
                    municipality.Category = MunicipalityCategories.For(row.Population, municipality.Category, bands);
                }
                else if (row.Kind == ImportRowKind.New)
                {
                    db.Municipalities.Add(new Municipality
                    {
                        OfficialCode = row.Code,
                        Name = row.Name,
                        Province = row.Province,
                        Population = row.Population,
                        Category = MunicipalityCategories.For(row.Population, MunicipalityCategory.Small, bands),
                        Slug = UniqueSlug(row, slugs),
                    });
                }
            }

            var outcome = new ImportOutcome(preview.Count(ImportRowKind.New), preview.Count(ImportRowKind.Changed), preview.Count(ImportRowKind.Unchanged), preview.Count(ImportRowKind.Invalid));
            audit.Record(actor, AuditActions.MunicipalitiesImported, nameof(Municipality), null,
                $"{outcome.Created} nuevos, {outcome.Updated} actualizados, {outcome.Unchanged} sin cambios, {outcome.Invalid} filas con errores (no importadas).");
            await db.SaveChangesAsync();
            return CommandResult.Ok(outcome);
        });
    }

    private async Task<ImportPreview> PlanAsync(MunicipalityCsvReading reading, string content)
    {
        if (reading.Error is { } error)
        {
            return new ImportPreview(error, [], "");
        }

        var existing = await db.Municipalities.AsNoTracking()
            .Select(m => new Existing(m.Id, m.OfficialCode, m.Name, m.Province, m.Population, m.Slug)).ToListAsync();
        var byCode = existing.Where(m => m.OfficialCode != null).ToDictionary(m => m.OfficialCode!, StringComparer.OrdinalIgnoreCase);
        var byPlace = existing.GroupBy(m => Place(m.Name, m.Province), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var codesSeen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var placesSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<ImportRow>(reading.Rows.Count);
        foreach (var raw in reading.Rows)
        {
            rows.Add(Classify(raw, byCode, byPlace, codesSeen, placesSeen));
        }

        return new ImportPreview(null, rows, content);
    }

    private static ImportRow Classify(MunicipalityCsvRow raw, Dictionary<string, Existing> byCode, Dictionary<string, Existing> byPlace, Dictionary<string, int> codesSeen, Dictionary<string, int> placesSeen)
    {
        var population = ReadPopulation(raw.Population);
        ImportRow Invalid(string reason) => new(raw.Line, ImportRowKind.Invalid, raw.Code, raw.Name, raw.Province, population, reason, null);

        if (RowProblem(raw, population) is { } problem)
        {
            return Invalid(problem);
        }

        if (codesSeen.TryGetValue(raw.Code, out var earlierCode))
        {
            return Invalid($"El código {raw.Code} ya aparece en la fila {earlierCode}.");
        }

        codesSeen[raw.Code] = raw.Line;
        var place = Place(raw.Name, raw.Province);
        if (placesSeen.TryGetValue(place, out var earlierPlace))
        {
            return Invalid($"{raw.Name} ({raw.Province}) ya aparece en la fila {earlierPlace}.");
        }

        placesSeen[place] = raw.Line;
        var match = byCode.GetValueOrDefault(raw.Code) ?? (byPlace.GetValueOrDefault(place) is { OfficialCode: null } byName ? byName : null);
        if (byPlace.GetValueOrDefault(place) is { } sameName && sameName.Id != match?.Id)
        {
            return Invalid($"Ya hay otro municipio {sameName.Name} en {sameName.Province}{(sameName.OfficialCode is null ? "" : $", con el código {sameName.OfficialCode}")}.");
        }

        if (match is null)
        {
            return new ImportRow(raw.Line, ImportRowKind.New, raw.Code, raw.Name, raw.Province, population, null, null);
        }

        var changes = Changes(match, raw, population);
        return changes.Count == 0
            ? new ImportRow(raw.Line, ImportRowKind.Unchanged, raw.Code, raw.Name, raw.Province, population, null, match.Id)
            : new ImportRow(raw.Line, ImportRowKind.Changed, raw.Code, raw.Name, raw.Province, population, string.Join("; ", changes), match.Id);
    }

    private static string? RowProblem(MunicipalityCsvRow raw, int? population)
    {
        if (raw.Code.Length == 0)
        {
            return "Falta el código oficial.";
        }

        if (!CodePattern().IsMatch(raw.Code))
        {
            return $"El código «{Cut(raw.Code)}» no es válido: lleva números o letras, hasta 20.";
        }

        if (raw.Name.Length is 0 or > 200)
        {
            return raw.Name.Length == 0 ? "Falta el nombre del municipio." : "El nombre tiene más de 200 caracteres.";
        }

        if (raw.Province.Length is 0 or > 100)
        {
            return raw.Province.Length == 0 ? "Falta la provincia." : "La provincia tiene más de 100 caracteres.";
        }

        if (raw.Population.Length == 0)
        {
            return "Falta la población.";
        }

        return population is null
            ? $"La población «{Cut(raw.Population)}» no es un número entero de habitantes entre 1 y 20.000.000 (por ejemplo, 12.345)."
            : null;
    }

    private static List<string> Changes(Existing match, MunicipalityCsvRow raw, int? population)
    {
        var changes = new List<string>();
        if (match.OfficialCode is null)
        {
            changes.Add($"recibe el código {raw.Code}");
        }

        if (match.Name != raw.Name)
        {
            changes.Add($"nombre: {match.Name} → {raw.Name}");
        }

        if (match.Province != raw.Province)
        {
            changes.Add($"provincia: {match.Province} → {raw.Province}");
        }

        if (match.Population != population)
        {
            changes.Add($"población: {match.Population?.ToString("N0", EsAr) ?? "sin dato"} → {population?.ToString("N0", EsAr)}");
        }

        return changes;
    }

    /// <summary>A whole number of inhabitants as people type it: "12.345" or "12345".</summary>
    public static int? ReadPopulation(string text) => MunicipalityCategories.ReadLimit(text);

    private static string Place(string name, string province) =>
        MunicipalityCsv.Normalize(name) + "|" + MunicipalityCsv.Normalize(province);

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>"San Martín" → "san-martin"; a name already taken gets the code ("san-martin-140112").</summary>
    private static string UniqueSlug(ImportRow row, HashSet<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var c in Core.Knowledge.SearchText.Fold(row.Name))
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var baseSlug = builder.ToString().Trim('-');
        baseSlug = baseSlug.Length < 2 ? "municipio" : baseSlug[..Math.Min(baseSlug.Length, 70)].Trim('-');
        var slug = baseSlug;
        var code = row.Code.ToLowerInvariant();
        for (var attempt = 1; !taken.Add(slug); attempt++)
        {
            slug = attempt == 1 ? $"{baseSlug}-{code}" : $"{baseSlug}-{code}-{attempt}";
        }

        return slug;
    }
}
