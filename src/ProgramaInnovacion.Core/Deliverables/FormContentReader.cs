using System.Globalization;
using System.Text.Json.Nodes;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>
/// Turns the posted values of a deliverable form (names from FormIds) into stored content. Nothing
/// typed is dropped: a number that does not parse is kept as text so the validator can point at it
/// and the form can show it again. Empty table rows and rows marked for removal are left out.
/// </summary>
public static class FormContentReader
{
    /// <param name="form">Posted values by name (a name may repeat, e.g. checkboxes).</param>
    /// <param name="keepEmptyRows">True when re-rendering the form (an added row must stay visible).</param>
    public static JsonObject Read(StageSchema schema, IReadOnlyDictionary<string, IReadOnlyList<string>> form, bool keepEmptyRows = false)
    {
        var content = new JsonObject();
        foreach (var field in schema.Fields)
        {
            JsonNode? value = field.Type switch
            {
                FieldType.Table => ReadTable(field, form, keepEmptyRows),
                FieldType.MultipleChoice => ReadList(form, FormIds.Name(field.Key)),
                FieldType.Attachments => ReadAttachmentIds(field, form),
                _ => ReadScalar(field, First(form, FormIds.Name(field.Key))),
            };
            if (value is not null)
            {
                content[field.Key] = value;
            }
        }

        return content;
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

    private static JsonValue? ReadScalar(FieldDefinition field, string? raw)
    {
        var text = NormalizeText(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (field.Type == FieldType.Number && ParseNumber(text) is { } number)
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    /// <summary>Accepts "1234.5", "1234,5" and "1.234,5" (es-AR); null when it is not a number.</summary>
    public static decimal? ParseNumber(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var invariant) && !text.Contains(',', StringComparison.Ordinal))
        {
            return invariant;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.GetCultureInfo("es-AR"), out var local) ? local : null;
    }

    private static string NormalizeText(string? raw) => (raw ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static JsonArray? ReadList(IReadOnlyDictionary<string, IReadOnlyList<string>> form, string name)
    {
        if (!form.TryGetValue(name, out var values))
        {
            return null;
        }

        var items = values.Select(NormalizeText).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
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

    private static JsonArray? ReadTable(FieldDefinition field, IReadOnlyDictionary<string, IReadOnlyList<string>> form, bool keepEmptyRows)
    {
        var declared = int.TryParse(First(form, FormIds.RowCountName(field.Key)), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var rowCount = Math.Min(declared, field.MaxRows is { } max ? Math.Max(max, RowReadLimit) : RowReadLimit);
        if (!form.ContainsKey(FormIds.RowCountName(field.Key)))
        {
            return null;
        }

        var rows = new JsonArray();
        for (var i = 0; i < rowCount; i++)
        {
            if (form.ContainsKey(FormIds.RemoveRowName(field.Key, i)))
            {
                continue;
            }

            var row = new JsonObject();
            foreach (var column in field.Columns ?? [])
            {
                JsonNode? node = column.Type == FieldType.MultipleChoice
                    ? ReadList(form, FormIds.CellName(field.Key, i, column.Key))
                    : ReadScalar(column, First(form, FormIds.CellName(field.Key, i, column.Key)));
                if (node is not null)
                {
                    row[column.Key] = node;
                }
            }

            if (row.Count > 0 || keepEmptyRows)
            {
                rows.Add(row);
            }
        }

        return rows.Count == 0 && !keepEmptyRows ? null : rows;
    }
}
