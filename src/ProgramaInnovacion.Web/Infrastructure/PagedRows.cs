using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>
/// One page of an ordered query whose rows carry <see cref="QueryFunctions.TotalRows"/>: the page
/// and the total come from one SQL command. A page past the last one is empty and says nothing of
/// the total, so only then the total is counted and the last page is read instead (three commands).
/// </summary>
public static class PagedRows
{
    /// <param name="ordered">The rows in their final order, TotalRows projected before paging.</param>
    /// <param name="total">The row's TotalRows column.</param>
    /// <param name="countAsync">How many rows there are in all, for a page past the last.</param>
    public static async Task<(List<T> Rows, int Total, int Page)> PageWithTotalAsync<T>(
        this IQueryable<T> ordered, Func<T, long> total, int requestedPage, int pageSize, Func<Task<int>> countAsync)
    {
        var page = Math.Max(1, requestedPage);
        var rows = await ReadAsync(page);
        if (rows.Count > 0)
        {
            return (rows, (int)total(rows[0]), page);
        }

        var count = page == 1 ? 0 : await countAsync();
        if (count == 0)
        {
            return ([], 0, 1);
        }

        var last = (count + pageSize - 1) / pageSize;
        return (await ReadAsync(last), count, last);

        Task<List<T>> ReadAsync(int number) => ordered.Skip((number - 1) * pageSize).Take(pageSize).ToListAsync();
    }
}
