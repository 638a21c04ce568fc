using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Knowledge;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>What the database's own full-text index holds, read past EF (the index is not in the model; ADR 0014).</summary>
internal static class SearchIndexRows
{
    /// <summary>Cases the engine has indexed: rows of the FTS5 table, or non-empty vectors on PostgreSQL.</summary>
    public static Task<int> CountAsync(AppDbContext db) =>
        (db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "CaseEntries" WHERE "SearchVector" <> ''::tsvector""")
            : db.Database.SqlQueryRaw<int>($"""SELECT count(*) AS "Value" FROM "{CaseSearch.Fts5Table}" """)).SingleAsync();
}
