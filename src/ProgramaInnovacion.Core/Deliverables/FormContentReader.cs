using System.Globalization;
using System.Text.Json.Nodes;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>
/// What was read from a posted form, and what could not be read as it came (a value cut to its
/// limit, a row count that did not read): Spanish messages placed on the field, never a silent change.
/// </summary>
public sealed record FormReading(JsonObject Content, IReadOnlyList<FieldError> Problems);

/// <summary>
/// Turns the posted values of a deliverable form (names from FormIds) into stored content. Nothing
/// typed is dropped silently: a number that does not read (ArgentineNumber) is kept as text so the
/// validator can point at it and the form can show it again; a value over its limit
/// (ContentLimits) is cut to the limit and reported; a table's rows are the rows that arrived even
/// when the row count field is wrong. Empty table rows and rows marked for removal are left out.
/// </summary>
public static class FormContentReader
{
    /// <param name="form">Posted values by name (a name may repeat, e.g. checkboxes).</param>
    /// <param name="keepEmptyRows">True when re-rendering the form (an added row must stay visible).</param>
    public static JsonObject Read(StageSchema schema, IReadOnlyDictionary<string, IReadOnlyList<string>> form, bool keepEmptyRows = false) =>
        ReadForm(schema, form, keepEmptyRows).Content;

    /// <inheritdoc cref="Read"/>
    public static FormReading ReadForm(StageSchema schema, IReadOnlyDictionary<string, IReadOnlyList<string>> form, bool keepEmptyRows = false)
    {
        var content = new JsonObject();
        var problems = new List<FieldError>();
        foreach (var field in schema.Fields)
        {
            JsonNode? value = field.Type switch
            {
                FieldType.Table or FieldType.Indicators => ReadTable(field, form, keepEmptyRows, problems),
                FieldType.MultipleChoice => ReadList(field, form, FormIds.Name(field.Key), null, null, problems),
                FieldType.Attachments => ReadAttachmentIds(field, form),
                _ => ReadScalar(field, First(form, FormIds.Name(field.Key)), null, null, problems),
            };
            if (value is not null)
            {
                content[field.Key] = value;
            }
        }

        return new FormReading(content, problems);
    }

    /// <summary>Content kept from the stored version for keys the form does not edit (retired fields).</summary>
    public static void KeepRetired(JsonObject target, JsonObject stored, StageSchema schema)
    {
        foreach (var (key, node) in stored)
        {
            if (schema.Find(key) is null && node is not null && !target.ContainsKey(key))
            {
                target[key] = node.DeepClone();
            }
        }
    }

    private static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <param name="tableKey">Set for a table cell: the table's key (problems are placed on the cell).</param>
    private static JsonValue? ReadScalar(FieldDefinition field, string? raw, string? tableKey, int? row, List<FieldError> problems)
    {
        var text = Capped(field, NormalizeText(raw), tableKey, row, problems);
        if (text.Length == 0)
        {
            return null;
        }

        if (field.Type == FieldType.Number && ArgentineNumber.Read(text).Value is { } number)
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    /// <summary>The text cut to the field's limit, with a message saying so (ContentLimits).</summary>
    private static string Capped(FieldDefinition field, string text, string? tableKey, int? row, List<FieldError> problems)
    {
        var limit = ContentLimits.MaxLengthOf(field);
        if (text.Length <= limit)
        {
            return text; // UTF-16 length ≥ text elements: nothing to count
        }

        var info = new StringInfo(text);
        if (info.LengthInTextElements <= limit)
        {
            return text;
        }

        var message = ContentLimits.CutMessage(field, info.LengthInTextElements);
        problems.Add(tableKey is null
            ? new FieldError(field.Key, message)
            : new FieldError(tableKey, $"Fila {row + 1}: {message}", row, field.Key));
        return info.SubstringByTextElements(0, limit);
    }

    private static string NormalizeText(string? raw) => (raw ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static JsonArray? ReadList(FieldDefinition field, IReadOnlyDictionary<string, IReadOnlyList<string>> form, string name, string? tableKey, int? row, List<FieldError> problems)
    {
        if (!form.TryGetValue(name, out var values))
        {
            return null;
        }

        var items = values.Select(v => Capped(field, NormalizeText(v), tableKey, row, problems)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return items.Count == 0 ? null : new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
    }

    private static JsonArray? ReadAttachmentIds(FieldDefinition field, IReadOnlyDictionary<string, IReadOnlyList<string>> form)
    {
        var removed = form.TryGetValue(FormIds.RemoveFileName(field.Key), out var r) ? r.ToHashSet(StringComparer.Ordinal) : [];
        if (!form.TryGetValue(FormIds.Name(field.Key), out var values))
        {
            return null;
        }

        var ids = values.Where(v => !removed.Contains(v))
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();
        return ids.Count == 0 ? null : new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
    }

    /// <summary>The most rows a posted table is read with, whatever the row count field claims.</summary>
    public const int RowReadLimit = 500;

    private static JsonArray? ReadTable(FieldDefinition field, IReadOnlyDictionary<string, IReadOnlyList<string>> form, bool keepEmptyRows, List<FieldError> problems)
    {
        var countName = FormIds.RowCountName(field.Key);
        var countText = First(form, countName);
        var declared = int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;

        // The rows that arrived count too: a row count that is missing, unreadable or too small must
        // never make the rows below it disappear.
        var arrived = PostedRowCount(field.Key, form);
        if (countText is null && arrived == 0)
        {
            return null;
        }

        var limit = field.MaxRows is { } max ? Math.Max(max, RowReadLimit) : RowReadLimit;
        if (countText is not null && declared is null)
        {
            problems.Add(new FieldError(field.Key, $"No se pudo leer cuántas filas tiene «{field.Label}» («{Shorten(countText)}»): se leyeron las filas que llegaron en el formulario. Revisalas."));
        }

        if (arrived > limit)
        {
            problems.Add(new FieldError(field.Key, $"«{field.Label}» admite como máximo {limit:N0} filas en un envío: se leyeron las primeras {limit:N0}."));
        }

        var rowCount = Math.Min(Math.Max(declared ?? 0, arrived), limit);
        var rows = new JsonArray();
        for (var i = 0; i < rowCount; i++)
        {
            if (form.ContainsKey(FormIds.RemoveRowName(field.Key, i)))
            {
                continue;
            }

            var row = new JsonObject();
            var index = rows.Count;
            var rowProblems = new List<FieldError>();
            foreach (var column in field.Columns ?? [])
            {
                JsonNode? node = column.Type == FieldType.MultipleChoice
                    ? ReadList(column, form, FormIds.CellName(field.Key, i, column.Key), field.Key, index, rowProblems)
                    : ReadScalar(column, First(form, FormIds.CellName(field.Key, i, column.Key)), field.Key, index, rowProblems);
                if (node is not null)
                {
                    row[column.Key] = node;
                }
            }

            if (row.Count > 0 || keepEmptyRows)
            {
                rows.Add(row);
                problems.AddRange(rowProblems);
            }
        }

        return rows.Count == 0 && !keepEmptyRows ? null : rows;
    }

    /// <summary>One more than the highest row index among the posted cells of a table ("f.key.3.col" → 4).</summary>
    private static int PostedRowCount(string tableKey, IReadOnlyDictionary<string, IReadOnlyList<string>> form)
    {
        var prefix = FormIds.Name(tableKey) + ".";
        var count = 0;
        foreach (var name in form.Keys)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = name.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot > 0 && int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < int.MaxValue)
            {
                count = Math.Max(count, index + 1);
            }
        }

        return count;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
