namespace ProgramaInnovacion.Core.Data;

/// <summary>SQL that LINQ cannot say, mapped in <see cref="AppDbContext"/> for both providers.</summary>
public static class QueryFunctions
{
    /// <summary>
    /// <c>COUNT(*) OVER ()</c>: how many rows the query yields before OFFSET and LIMIT, so a page and
    /// its total come from one command that runs the filter once. Project it before Skip/Take (it
    /// must sit in the query that is paged, not in one built around the page).
    /// </summary>
    public static long TotalRows() => throw new InvalidOperationException("TotalRows solo se traduce dentro de una consulta de EF Core.");
}
