namespace ProgramaInnovacion.Migrations.Postgres.Sql;

/// <summary>
/// The case library's full-text index (ADR 0014), applied by the migration CaseSearchEngine. A text
/// search configuration "spanish_unaccent" (Spanish Snowball after unaccent, so "gestion" and
/// "gestión" give one lexeme at index and at query time); as a regconfig constant it keeps
/// to_tsvector immutable, so the vector is a stored generated column — computed by PostgreSQL on
/// every insert and update, existing cases included — under a GIN index. Title weighs A, summary B,
/// body (with municipality, city and country) C. unaccent is a trusted extension: the database owner
/// may create it without being a superuser.
/// </summary>
public static class CaseSearchSql
{
    private const string Config = "'public.spanish_unaccent'::regconfig";

    public const string Up = $$"""
        CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
        CREATE TEXT SEARCH CONFIGURATION public.spanish_unaccent (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION public.spanish_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.spanish_stem;
        ALTER TABLE "CaseEntries" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector({{Config}}, coalesce("Title", '')), 'A')
            || setweight(to_tsvector({{Config}}, coalesce("Summary", '')), 'B')
            || setweight(to_tsvector({{Config}}, coalesce("Body", '') || ' ' || coalesce("MunicipalityName", '') || ' ' || coalesce("City", '') || ' ' || coalesce("Country", '')), 'C')
        ) STORED;
        CREATE INDEX "IX_CaseEntries_SearchVector" ON "CaseEntries" USING GIN ("SearchVector");
        """;

    public const string Down = """
        DROP INDEX IF EXISTS "IX_CaseEntries_SearchVector";
        ALTER TABLE "CaseEntries" DROP COLUMN IF EXISTS "SearchVector";
        DROP TEXT SEARCH CONFIGURATION IF EXISTS public.spanish_unaccent;
        """;
}
