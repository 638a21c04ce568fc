namespace ProgramaInnovacion.Migrations.Sqlite.Sql;

/// <summary>
/// The case library's FTS5 index (ADR 0014), applied by the migration CaseSearchEngine: a table of
/// title, summary, body and place (municipality, city and country, weighed as the body like
/// PostgreSQL's vector does, in a column of its own so excerpts of the body do not show it),
/// accents folded by the tokenizer, kept in step by triggers so every write to CaseEntries — the
/// indexer, a cascade, a test — updates it in the same statement, and filled from the existing cases.
/// EF Core rebuilds a SQLite table for some column changes and drops its triggers then: a later
/// migration that rebuilds CaseEntries must run <see cref="Up"/>'s triggers again (docs/migrations.md).
/// </summary>
public static class CaseSearchSql
{
    private const string Place = """ "MunicipalityName" || ' ' || "City" || ' ' || "Country" """;

    public const string Up = $$"""
        CREATE VIRTUAL TABLE "CaseSearch" USING fts5(title, summary, body, place, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER "CaseEntries_CaseSearch_Insert" AFTER INSERT ON "CaseEntries" BEGIN
            INSERT INTO "CaseSearch"(rowid, title, summary, body, place) VALUES (new."Id", new."Title", new."Summary", new."Body", {{NewPlace}});
        END;
        CREATE TRIGGER "CaseEntries_CaseSearch_Delete" AFTER DELETE ON "CaseEntries" BEGIN
            DELETE FROM "CaseSearch" WHERE rowid = old."Id";
        END;
        CREATE TRIGGER "CaseEntries_CaseSearch_Update" AFTER UPDATE OF "Title", "Summary", "Body", "MunicipalityName", "City", "Country" ON "CaseEntries" BEGIN
            UPDATE "CaseSearch" SET title = new."Title", summary = new."Summary", body = new."Body", place = {{NewPlace}} WHERE rowid = new."Id";
        END;
        INSERT INTO "CaseSearch"(rowid, title, summary, body, place) SELECT "Id", "Title", "Summary", "Body", {{Place}} FROM "CaseEntries";
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS "CaseEntries_CaseSearch_Update";
        DROP TRIGGER IF EXISTS "CaseEntries_CaseSearch_Delete";
        DROP TRIGGER IF EXISTS "CaseEntries_CaseSearch_Insert";
        DROP TABLE IF EXISTS "CaseSearch";
        """;

    private const string NewPlace = """new."MunicipalityName" || ' ' || new."City" || ' ' || new."Country" """;
}
