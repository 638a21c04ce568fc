using System.Globalization;
using System.Text;

namespace ProgramaInnovacion.Core.Knowledge;

/// <summary>
/// What the library's search box accepts, read once in C# so that both databases see the same query:
/// words (all must match), "phrases in quotes" and prefixes (<c>municip*</c>). Everything else — other
/// operators, parentheses, stray quotes or asterisks, NEAR, a thousand characters — is read as plain
/// words or dropped, so no user input reaches FTS5 or PostgreSQL as syntax (ADR 0014).
/// </summary>
/// <param name="Clauses">At most <see cref="SearchText.MaxClauses"/> clauses, words folded (lowercase, no accents).</param>
public sealed record SearchQuery(IReadOnlyList<SearchClause> Clauses)
{
    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>
    /// The FTS5 MATCH expression: every clause quoted (so AND, OR, NOT and NEAR are words). SQLite
    /// has no Spanish stemmer, so a plain word matches as the prefix of its light stem: "trámites"
    /// becomes <c>"tramit"*</c>, which finds "trámite" and "trámites" as PostgreSQL's Snowball does.
    /// </summary>
    public string ToFts5Match() => string.Join(' ', Clauses.Select(c => c.Kind switch
    {
        ClauseKind.Phrase => Fts5String(string.Join(' ', c.Words)),
        ClauseKind.Prefix => Fts5String(c.Words[0]) + "*",
        _ => Fts5String(SearchText.Stem(c.Words[0])) + "*",
    }));

    /// <summary>
    /// Words and phrases for PostgreSQL's <c>websearch_to_tsquery</c>, each quoted so "or" and "-" stay
    /// words; the Spanish configuration stems them.
    /// </summary>
    public string ToPostgresWebSearch() => string.Join(' ', Clauses.Where(c => c.Kind != ClauseKind.Prefix).Select(c => $"\"{string.Join(' ', c.Words)}\""));

    /// <summary>
    /// Prefix clauses for PostgreSQL's <c>to_tsquery</c> (<c>municip:*</c>), which websearch syntax
    /// lacks. Safe: a clause's word holds only letters and digits.
    /// </summary>
    public string ToPostgresPrefixes() => string.Join(" & ", Clauses.Where(c => c.Kind == ClauseKind.Prefix).Select(c => c.Words[0] + ":*"));

    private static string Fts5String(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

public enum ClauseKind
{
    Word,
    Prefix,
    Phrase,
}

/// <summary>One clause of a search: a word, a prefix (one word) or a phrase (words in order).</summary>
public sealed record SearchClause(ClauseKind Kind, IReadOnlyList<string> Words);

/// <summary>
/// Spanish text for the library's search: folding (lowercase, accents removed: "gestión" → "gestion",
/// as PostgreSQL's <c>unaccent</c> and FTS5's <c>remove_diacritics</c> do), the stop words a query
/// drops, a light stem for SQLite (which has no Spanish stemmer), and the query reader.
/// </summary>
public static class SearchText
{
    public const int MaxTermLength = 64;

    /// <summary>Only this much of a query is read; the search box allows 200 characters.</summary>
    public const int MaxQueryLength = 200;

    public const int MaxClauses = 10;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "al", "algo", "ante", "antes", "asi", "aun", "bajo", "cada", "como", "con", "contra", "cual", "cuales",
        "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en", "entre", "era",
        "es", "esa", "esas", "ese", "eso", "esos", "esta", "estas", "este", "esto", "estos", "fue", "ha", "hay", "hasta",
        "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "muy", "ni", "no", "nos", "o", "otra", "otro", "para",
        "pero", "por", "porque", "que", "quien", "se", "sea", "ser", "si", "sin", "sobre", "son", "su", "sus", "tambien",
        "te", "tiene", "toda", "todo", "todos", "tu", "u", "un", "una", "unas", "uno", "unos", "y", "ya",
    };

    /// <summary>
    /// Reads a query: quoted text is a phrase (an unclosed quote runs to the end), a word ending in
    /// <c>*</c> is a prefix, anything that is not a letter or digit separates words. Stop words and
    /// one-letter words are dropped outside phrases, as PostgreSQL's Spanish configuration drops them.
    /// </summary>
    public static SearchQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new SearchQuery([]);
        }

        var text = Fold(query.Length > MaxQueryLength ? query[..MaxQueryLength] : query);
        var clauses = new List<SearchClause>();
        var phrase = new List<string>();
        var word = new StringBuilder();
        var inPhrase = false;
        for (var i = 0; i <= text.Length && clauses.Count < MaxClauses; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var term = word.Length > MaxTermLength ? word.ToString(0, MaxTermLength) : word.ToString();
                word.Clear();
                if (inPhrase)
                {
                    phrase.Add(term);
                }
                else if (term.Length >= 2 && !StopWords.Contains(term))
                {
                    clauses.Add(new SearchClause(c == '*' ? ClauseKind.Prefix : ClauseKind.Word, [term]));
                }
            }

            if (c == '"' || (i == text.Length && inPhrase))
            {
                if (inPhrase && phrase.Count > 0)
                {
                    clauses.Add(phrase.Count == 1 ? new SearchClause(ClauseKind.Word, [phrase[0]]) : new SearchClause(ClauseKind.Phrase, [.. phrase]));
                }

                phrase.Clear();
                inPhrase = !inPhrase;
            }
        }

        return new SearchQuery(clauses);
    }

    /// <summary>Lowercase without accents (NFD, non-spacing marks dropped); "ñ" becomes "n".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Light Spanish stem: drop a plural "s", then a final vowel, keeping at least 4 letters.</summary>
    public static string Stem(string word)
    {
        var stem = word;
        if (stem.Length > 4 && stem[^1] == 's')
        {
            stem = stem[..^1];
        }

        if (stem.Length > 4 && stem[^1] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            stem = stem[..^1];
        }

        return stem;
    }
}
