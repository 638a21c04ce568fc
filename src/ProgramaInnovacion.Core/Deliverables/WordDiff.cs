using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace ProgramaInnovacion.Core.Deliverables;

public enum TextChange
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of text of a word-level comparison: kept, inserted or deleted.</summary>
public sealed record TextPiece(TextChange Change, string Text);

/// <summary>
/// The words that changed inside a text (DiffPlex, words, spaces and punctuation as pieces), so a
/// reviewer reads one text with the changes marked instead of two long texts side by side. Runs of
/// the same kind are merged; a deleted run comes before the inserted run that replaces it.
/// </summary>
public static partial class WordDiff
{
    private static readonly CustomFunctionChunker Words = new(text => Tokens().Matches(text).Select(m => m.Value).ToArray());

    public static IReadOnlyList<TextPiece> Compare(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Words);
        var pieces = new List<TextPiece>();
        var oldAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(pieces, TextChange.Same, result.PiecesOld.Skip(oldAt).Take(block.DeleteStartA - oldAt));
            Add(pieces, TextChange.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(pieces, TextChange.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            oldAt = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, TextChange.Same, result.PiecesOld.Skip(oldAt));
        return JoinChangesAcrossSpaces(pieces);
    }

    /// <summary>
    /// A lone space kept between two changed words would cut a replaced phrase into word-by-word
    /// marks ("Delegación Norte" → "Centro cívico" read as four marks): such a space joins the changes
    /// around it, so the phrase reads as one deletion and one insertion.
    /// </summary>
    private static List<TextPiece> JoinChangesAcrossSpaces(List<TextPiece> pieces)
    {
        for (var i = 1; i < pieces.Count - 1; i++)
        {
            if (pieces[i].Change != TextChange.Same || !string.IsNullOrWhiteSpace(pieces[i].Text)
                || pieces[i - 1].Change == TextChange.Same || pieces[i + 1].Change == TextChange.Same)
            {
                continue;
            }

            var start = i - 1;
            while (start > 0 && pieces[start - 1].Change != TextChange.Same)
            {
                start--;
            }

            var end = i + 1;
            while (end < pieces.Count - 1 && pieces[end + 1].Change != TextChange.Same)
            {
                end++;
            }

            string Joined(TextChange change) =>
                string.Concat(pieces.Skip(start).Take(i - start).Where(p => p.Change == change).Select(p => p.Text)) + pieces[i].Text
                + string.Concat(pieces.Skip(i + 1).Take(end - i).Where(p => p.Change == change).Select(p => p.Text));
            var joined = new[] { new TextPiece(TextChange.Deleted, Joined(TextChange.Deleted)), new TextPiece(TextChange.Inserted, Joined(TextChange.Inserted)) }
                .Where(p => p.Text.Length > 0).ToList();
            pieces.RemoveRange(start, end - start + 1);
            pieces.InsertRange(start, joined);
            i = start;
        }

        return pieces;
    }

    private static void Add(List<TextPiece> pieces, TextChange change, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0)
        {
            return;
        }

        if (pieces.Count > 0 && pieces[^1].Change == change)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new TextPiece(change, text));
        }
    }

    /// <summary>A word, a run of white space, or one other character (punctuation stays its own piece).</summary>
    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();
}
