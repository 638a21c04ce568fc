using Microsoft.AspNetCore.WebUtilities;

namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>
/// One page of a long list (the ~2,300 municipalities of a federal survey): which rows to show and the
/// links to the neighbouring pages, keeping the list's filters in the query string (<c>pagina</c>).
/// </summary>
public sealed record Pager(int Page, int PageCount, int Total, int PageSize, string Path, IReadOnlyDictionary<string, string?> Query, string Noun)
{
    public static Pager Of(int total, int requestedPage, int pageSize, string path, IReadOnlyDictionary<string, string?> query, string noun)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new Pager(Math.Clamp(requestedPage, 1, pageCount), pageCount, total, pageSize, path, query, noun);
    }

    public int Skip => (Page - 1) * PageSize;

    public int FirstShown => Total == 0 ? 0 : Skip + 1;

    public int LastShown => Math.Min(Total, Skip + PageSize);

    public IEnumerable<T> Slice<T>(IEnumerable<T> rows) => rows.Skip(Skip).Take(PageSize);

    public string Url(int page)
    {
        var query = Query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value);
        query["pagina"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, query);
    }
}
