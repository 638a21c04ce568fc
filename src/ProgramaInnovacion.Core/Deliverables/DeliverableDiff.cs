using System.Text.Json.Nodes;

namespace ProgramaInnovacion.Core.Deliverables;

public enum ChangeKind
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

public sealed record CellChange(string Label, string Before, string After)
{
    public bool IsChanged => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>A table row in the comparison; BeforeIndex/AfterIndex are 1-based row numbers.</summary>
public sealed record RowChange(ChangeKind Kind, int? BeforeIndex, int? AfterIndex, IReadOnlyList<CellChange> Cells);

/// <summary>One field of the comparison. Tables carry their rows; other fields their text.</summary>
public sealed record FieldChange(string Key, string Label, FieldType Type, ChangeKind Kind, string Before, string After, IReadOnlyList<RowChange> Rows, bool IsRetired = false);

/// <summary>
/// Field-by-field comparison of two versions of a deliverable, computed from the stored JSON
/// (never from rendered HTML), with values as people read them (DeliverableContent.Display).
/// Table rows are matched by their content, so an inserted row shows as one added row, not as
/// every row below it changed. Work is linear in the content except for
/// the row matching, which is bounded (see MaxMatchCells) and falls back to position.
/// </summary>
public static class DeliverableDiff
{
    /// <summary>Above this many row pairs the rows are compared by position (keeps it cheap at any size).</summary>
    public const int MaxMatchCells = 250_000;

    public static IReadOnlyList<FieldChange> Compare(StageSchema schema, JsonObject before, JsonObject after)
    {
        var oldContent = new DeliverableContent(before);
        var newContent = new DeliverableContent(after);
        var changes = new List<FieldChange>();
        foreach (var field in schema.Fields)
        {
            // Compared as people read the values (numbers in es-AR), so 1250 stored as 1250.0 is
            // no change and a change reads "1,25 → 1.250", never in the machine's notation.
            changes.Add(field.IsTabular
                ? CompareTable(field, oldContent.DisplayRows(field), newContent.DisplayRows(field))
                : CompareScalar(field.Key, field.Label, field.Type, oldContent.Display(field), newContent.Display(field)));
        }

        var retired = oldContent.RetiredKeys(schema).Union(newContent.RetiredKeys(schema)).Distinct(StringComparer.Ordinal);
        foreach (var key in retired)
        {
            changes.Add(CompareScalar(key, key, FieldType.LongText, oldContent.Text(key), newContent.Text(key)) with { IsRetired = true });
        }

        return changes;
    }

    private static FieldChange CompareScalar(string key, string label, FieldType type, string before, string after) =>
        new(key, label, type, KindOf(before, after), before, after, []);

    private static ChangeKind KindOf(string before, string after) => (before.Length, after.Length) switch
    {
        _ when string.Equals(before, after, StringComparison.Ordinal) => ChangeKind.Unchanged,
        (0, _) => ChangeKind.Added,
        (_, 0) => ChangeKind.Removed,
        _ => ChangeKind.Changed,
    };

    private static FieldChange CompareTable(FieldDefinition field, IReadOnlyList<IReadOnlyDictionary<string, string>> before, IReadOnlyList<IReadOnlyDictionary<string, string>> after)
    {
        var columns = field.Columns ?? [];
        var oldKeys = before.Select(r => RowKey(columns, r)).ToList();
        var newKeys = after.Select(r => RowKey(columns, r)).ToList();
        var ops = Align(oldKeys, newKeys);

        var rows = new List<RowChange>();
        var pendingRemoved = new List<int>();
        var pendingAdded = new List<int>();

        void Flush()
        {
            // A run of removed rows next to a run of added rows reads as rows that were edited.
            var paired = Math.Min(pendingRemoved.Count, pendingAdded.Count);
            for (var i = 0; i < paired; i++)
            {
                rows.Add(Row(ChangeKind.Changed, pendingRemoved[i], pendingAdded[i]));
            }

            rows.AddRange(pendingRemoved.Skip(paired).Select(o => Row(ChangeKind.Removed, o, null)));
            rows.AddRange(pendingAdded.Skip(paired).Select(n => Row(ChangeKind.Added, null, n)));
            pendingRemoved.Clear();
            pendingAdded.Clear();
        }

        RowChange Row(ChangeKind kind, int? o, int? n) => new(kind, o + 1, n + 1,
            columns.Select(c => new CellChange(c.Label, o is { } oi && before[oi].TryGetValue(c.Key, out var b) ? b : "", n is { } ni && after[ni].TryGetValue(c.Key, out var a) ? a : "")).ToList());

        foreach (var (o, n) in ops)
        {
            if (o is { } oi && n is { } ni)
            {
                Flush();
                rows.Add(Row(ChangeKind.Unchanged, oi, ni));
            }
            else if (o is { } removed)
            {
                pendingRemoved.Add(removed);
            }
            else if (n is { } added)
            {
                pendingAdded.Add(added);
            }
        }

        Flush();
        var kind = rows.All(r => r.Kind == ChangeKind.Unchanged)
            ? ChangeKind.Unchanged
            : before.Count == 0 ? ChangeKind.Added : after.Count == 0 ? ChangeKind.Removed : ChangeKind.Changed;
        return new FieldChange(field.Key, field.Label, FieldType.Table, kind, $"{before.Count} filas", $"{after.Count} filas", rows);
    }

    private static string RowKey(IReadOnlyList<FieldDefinition> columns, IReadOnlyDictionary<string, string> row) =>
        string.Join('\u001f', columns.Select(c => row.TryGetValue(c.Key, out var v) ? v : ""));

    /// <summary>
    /// Longest-common-subsequence alignment of two row lists: pairs (old, new) for kept rows,
    /// (old, null) removed, (null, new) added. Common ends are trimmed first; if what remains is
    /// too big to match, rows are paired by position.
    /// </summary>
    internal static IReadOnlyList<(int? Old, int? New)> Align(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var result = new List<(int?, int?)>();
        var start = 0;
        while (start < before.Count && start < after.Count && before[start] == after[start])
        {
            result.Add((start, start));
            start++;
        }

        var endOld = before.Count;
        var endNew = after.Count;
        var tail = new List<(int?, int?)>();
        while (endOld > start && endNew > start && before[endOld - 1] == after[endNew - 1])
        {
            endOld--;
            endNew--;
            tail.Add((endOld, endNew));
        }

        var n = endOld - start;
        var m = endNew - start;
        if ((long)n * m > MaxMatchCells)
        {
            for (var i = 0; i < Math.Max(n, m); i++)
            {
                int? o = i < n ? start + i : null;
                int? nw = i < m ? start + i : null;
                if (o is not null && nw is not null && before[o.Value] == after[nw.Value])
                {
                    result.Add((o, nw));
                }
                else
                {
                    if (o is not null)
                    {
                        result.Add((o, null));
                    }

                    if (nw is not null)
                    {
                        result.Add((null, nw));
                    }
                }
            }
        }
        else
        {
            var lengths = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lengths[i, j] = before[start + i] == after[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && before[start + x] == after[start + y])
                {
                    result.Add((start + x, start + y));
                    x++;
                    y++;
                }
                else if (y == m || (x < n && lengths[x + 1, y] >= lengths[x, y + 1]))
                {
                    // On a tie the removal goes first: a removed run followed by an added run is
                    // what Flush pairs into "changed" rows.
                    result.Add((start + x, null));
                    x++;
                }
                else
                {
                    result.Add((null, start + y));
                    y++;
                }
            }
        }

        tail.Reverse();
        result.AddRange(tail);
        return result;
    }
}
