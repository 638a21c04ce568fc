using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.Core.Knowledge;

/// <summary>A case that matches a search, and how well (higher is better on both providers).</summary>
public sealed class CaseHit
{
    public int Id { get; set; }

    public double Score { get; set; }
}

/// <summary>The raw highlighted excerpts of a matching case, markers as <see cref="CaseSearch.HighlightStart"/>/<see cref="CaseSearch.HighlightEnd"/>.</summary>
public sealed class CaseExcerpt
{
    public int Id { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }
}

/// <summary>A piece of an excerpt; highlighted pieces are the words that matched.</summary>
public sealed record SnippetSegment(string Text, bool Highlighted);

/// <summary>
/// The case library's full-text search on each database's own engine (ADR 0014). The indexes are
/// made by the migration <c>CaseSearchEngine</c>: on PostgreSQL a stored generated
/// <c>tsvector</c> column of <c>CaseEntries</c> (Spanish Snowball stemming after <c>unaccent</c>,
/// title weight A, summary B, body C) under a GIN index; on SQLite an FTS5 table (<c>unicode61
/// remove_diacritics 2</c>) that triggers keep in step with <c>CaseEntries</c>. User text reaches
/// SQL only as parameters, already reduced by <see cref="SearchText.Parse"/> to quoted words.
/// </summary>
public static class CaseSearch
{
    /// <summary>The text search configuration the migration creates: Spanish, with unaccent before the stemmer.</summary>
    public const string PostgresConfiguration = "public.spanish_unaccent";

    /// <summary>The FTS5 table on SQLite (rowid = CaseEntries.Id; columns title, summary, body, place).</summary>
    public const string Fts5Table = "CaseSearch";

    // Control characters no text of a case contains: the markers survive until the excerpt is split
    // into segments, and the view HTML-encodes every segment, so no text can become markup.
    public const char HighlightStart = '\u0002';
    public const char HighlightEnd = '\u0003';

    /// <summary>Title, summary and body (and place) weights: ts_rank's {D, C, B, A} and bm25's per column, in the same proportions.</summary>
    private const string PostgresWeights = "ARRAY[0, 0.2, 0.4, 1.0]::real[]";
    private const string Fts5Weights = "10.0, 4.0, 2.0, 2.0";

    /// <summary>Cases matching every clause of the query, with their rank; compose it with the read rule.</summary>
    public static IQueryable<CaseHit> Hits(this AppDbContext db, SearchQuery query)
    {
        if (db.Database.IsNpgsql())
        {
            return db.Database.SqlQueryRaw<CaseHit>(
                $$"""SELECT e."Id", ts_rank({{PostgresWeights}}, e."SearchVector", s.q)::float8 AS "Score" FROM "CaseEntries" AS e, {{PostgresQuery}} WHERE e."SearchVector" @@ s.q""",
                query.ToPostgresWebSearch(), query.ToPostgresPrefixes());
        }

        // bm25 is lower for better matches; negated so both providers sort descending.
        return db.Database.SqlQueryRaw<CaseHit>(
            $$"""SELECT rowid AS "Id", -bm25("{{Fts5Table}}", {{Fts5Weights}}) AS "Score" FROM "{{Fts5Table}}" WHERE "{{Fts5Table}}" MATCH {0}""",
            query.ToFts5Match());
    }

    /// <summary>Highlighted excerpts of the summary and the body of a page of cases (one SQL command).</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<SnippetSegment>>> ExcerptsAsync(this AppDbContext db, SearchQuery query, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0 || query.IsEmpty)
        {
            return new Dictionary<int, IReadOnlyList<SnippetSegment>>();
        }

        List<CaseExcerpt> rows;
        if (db.Database.IsNpgsql())
        {
            const string options = "StartSel=\u0002, StopSel=\u0003, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";
            rows = await db.Database.SqlQueryRaw<CaseExcerpt>(
                $$"""SELECT e."Id", NULL AS "Summary", ts_headline('{{PostgresConfiguration}}', e."Summary" || E'\n' || e."Body", s.q, {2}) AS "Body" FROM "CaseEntries" AS e, {{PostgresQuery}} WHERE e."Id" = ANY({3})""",
                query.ToPostgresWebSearch(), query.ToPostgresPrefixes(), options, ids.ToArray()).ToListAsync(ct);
        }
        else
        {
            // The page's ids as one JSON array parameter; the summary's excerpt is preferred when it matched.
            var idList = $"[{string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))}]";
            rows = await db.Database.SqlQueryRaw<CaseExcerpt>(
                $$"""SELECT rowid AS "Id", snippet("{{Fts5Table}}", 1, char(2), char(3), '…', 24) AS "Summary", snippet("{{Fts5Table}}", 2, char(2), char(3), '…', 24) AS "Body" FROM "{{Fts5Table}}" WHERE "{{Fts5Table}}" MATCH {0} AND rowid IN (SELECT value FROM json_each({1}))""",
                query.ToFts5Match(), idList).ToListAsync(ct);
        }

        return rows.ToDictionary(r => r.Id, r => Segments(r.Summary is { } summary && summary.Contains(HighlightStart, StringComparison.Ordinal) ? summary : r.Body ?? r.Summary ?? ""));
    }

    /// <summary>
    /// Splits an excerpt at its markers into plain and highlighted text (a stray marker only toggles
    /// highlighting), with Markdown heading marks and line breaks flattened for a one-paragraph excerpt.
    /// </summary>
    public static IReadOnlyList<SnippetSegment> Segments(string excerpt)
    {
        var segments = new List<SnippetSegment>();
        var text = new StringBuilder();
        var highlighted = false;
        var lastWasSpace = false;
        foreach (var c in excerpt)
        {
            if (c is HighlightStart or HighlightEnd)
            {
                Flush();
                highlighted = c == HighlightStart;
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '#' || char.IsControl(c))
            {
                if (!lastWasSpace && (text.Length > 0 || segments.Count > 0))
                {
                    text.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            text.Append(c);
            lastWasSpace = false;
        }

        Flush();
        return segments;

        void Flush()
        {
            if (text.Length > 0)
            {
                segments.Add(new SnippetSegment(text.ToString(), highlighted));
                text.Clear();
            }
        }
    }

    // {0}: websearch text, {1}: prefixes. An empty part is the empty tsquery, which && ignores
    // (websearch_to_tsquery and to_tsquery would only add a notice); a one-row subquery, as FROM takes no operators.
    private const string PostgresQuery =
        $"(SELECT (CASE WHEN {{0}} = '' THEN ''::tsquery ELSE websearch_to_tsquery('{PostgresConfiguration}', {{0}}) END) "
        + $"&& (CASE WHEN {{1}} = '' THEN ''::tsquery ELSE to_tsquery('{PostgresConfiguration}', {{1}}) END) AS q) AS s";
}
