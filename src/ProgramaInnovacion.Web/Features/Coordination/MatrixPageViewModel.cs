using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>
/// The dashboard's filters for the progress matrix (query string: <c>etapa</c>, <c>estado</c>,
/// <c>provincia</c>, <c>plazo</c>, <c>pagina</c>): the project's current stage, that stage's state,
/// the province, and a stage overdue or due this week (where the dashboard's short lists link).
/// </summary>
public sealed record MatrixFilter(string? Etapa = null, StageState? Estado = null, string? Provincia = null, int Pagina = 1, string? Plazo = null)
{
    /// <summary><c>plazo</c>: projects with a stage overdue.</summary>
    public const string Overdue = "vencidas";

    /// <summary><c>plazo</c>: projects with a stage due within the week.</summary>
    public const string DueSoon = "esta-semana";

    public bool IsEmpty => string.IsNullOrEmpty(Etapa) && Estado is null && string.IsNullOrEmpty(Provincia) && string.IsNullOrEmpty(Plazo);

    public bool Matches(MatrixRow row)
    {
        var current = row.Cells.FirstOrDefault(c => c.IsCurrent);
        return (string.IsNullOrEmpty(Etapa) || current?.StageKey == Etapa)
            && (Estado is null || current?.State == Estado)
            && (string.IsNullOrEmpty(Provincia) || row.Province == Provincia)
            && Plazo switch
            {
                Overdue => row.Cells.Any(c => c.IsOverdue),
                DueSoon => row.Cells.Any(c => c.IsDueSoon),
                _ => true,
            };
    }
}

/// <summary>
/// The rows of the matrix a large edition shows at once. The counts, queue and deadlines above it
/// still come from every project, and the full matrix goes to the export, so a page of an edition of
/// 500 projects is as light as one of 50 (issue 14).
/// </summary>
public sealed record MatrixPageViewModel(IReadOnlyList<MatrixRow> Rows, MatrixFilter Filter, int Matching, int PageCount, IReadOnlyList<string> Provinces)
{
    /// <summary>An edition with more projects than this shows the filters and one page of the matrix.</summary>
    public const int PageSize = 50;

    /// <summary>Whether the filters and the pager are shown (a small edition shows its whole matrix).</summary>
    public bool IsPaged { get; init; }

    public int EditionId { get; init; }

    /// <summary>The edition's stages, for the stage filter.</summary>
    public IReadOnlyList<StageColumn> Stages { get; init; } = [];

    /// <summary>The dashboard's address with these filters on another page.</summary>
    public string Url(int pagina)
    {
        var query = new Dictionary<string, string?> { ["edicion"] = EditionId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(Filter.Etapa)) { query["etapa"] = Filter.Etapa; }
        if (Filter.Estado is { } estado) { query["estado"] = estado.ToString(); }
        if (!string.IsNullOrEmpty(Filter.Provincia)) { query["provincia"] = Filter.Provincia; }
        if (!string.IsNullOrEmpty(Filter.Plazo)) { query["plazo"] = Filter.Plazo; }
        query["pagina"] = pagina.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/coordinacion", query) + "#avance";
    }

    public int FirstShown => Matching == 0 ? 0 : (Filter.Pagina - 1) * PageSize + 1;

    public int LastShown => FirstShown == 0 ? 0 : FirstShown + Rows.Count - 1;

    /// <param name="provinces">The provinces of <paramref name="all"/>, in order (kept with the dashboard's snapshot); computed when not given.</param>
    public static MatrixPageViewModel Of(IReadOnlyList<MatrixRow> all, MatrixFilter filter, IReadOnlyList<string>? provinces = null)
    {
        if (all.Count <= PageSize && filter.IsEmpty)
        {
            return new MatrixPageViewModel(all, filter with { Pagina = 1 }, all.Count, 1, []);
        }

        var matching = all.Where(filter.Matches).ToList();
        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Pagina, 1, pageCount);
        provinces ??= all.Select(r => r.Province).Distinct().Order(StringComparer.CurrentCulture).ToList();
        return new MatrixPageViewModel(matching.Skip((page - 1) * PageSize).Take(PageSize).ToList(), filter with { Pagina = page }, matching.Count, pageCount, provinces)
        {
            IsPaged = true,
        };
    }
}
