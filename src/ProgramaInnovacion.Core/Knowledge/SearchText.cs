using System.Globalization;
using System.Text;

namespace ProgramaInnovacion.Core.Knowledge;

/// <summary>
/// Turns Spanish text into search terms, the same way for indexing and for queries: lowercase,
/// accents removed ("gestión" → "gestion"), split on anything that is not a letter or digit,
/// stop words dropped and a light stem (plural "s", then a final vowel) so "trámites" matches
/// "trámite" and "gestiones" matches "gestión". Provider-neutral: nothing depends on the database.
/// </summary>
public static class SearchText
{
    public const int MaxTermLength = 64;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "al", "algo", "ante", "antes", "asi", "aun", "bajo", "cada", "como", "con", "contra", "cual", "cuales",
        "cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas", "ellos", "en", "entre", "era",
        "es", "esa", "esas", "ese", "eso", "esos", "esta", "estas", "este", "esto", "estos", "fue", "ha", "hay", "hasta",
        "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "muy", "ni", "no", "nos", "o", "otra", "otro", "para",
        "pero", "por", "porque", "que", "quien", "se", "sea", "ser", "si", "sin", "sobre", "son", "su", "sus", "tambien",
        "te", "tiene", "toda", "todo", "todos", "tu", "u", "un", "una", "unas", "uno", "unos", "y", "ya",
    };

    /// <summary>The normalised terms of a text, in order, repeats kept (callers count them).</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (Finish(word) is { } term)
            {
                yield return term;
            }
        }

        if (Finish(word) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The distinct terms of a query, in order of appearance.</summary>
    public static IReadOnlyList<string> QueryTerms(string? query) => Terms(query).Distinct().Take(10).ToList();

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

    private static string? Finish(StringBuilder word)
    {
        if (word.Length == 0)
        {
            return null;
        }

        var raw = word.ToString();
        word.Clear();
        if (raw.Length < 2 || StopWords.Contains(raw))
        {
            return null;
        }

        var term = Stem(raw);
        return term.Length > MaxTermLength ? term[..MaxTermLength] : term;
    }
}
