using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>
/// A deliverable's stored content (a JSON object keyed by field key) read against its schema.
/// Values: text, number, date ("yyyy-MM-dd"), URL and single choice as JSON strings or numbers;
/// multiple choice as an array of strings; tables as an array of objects keyed by column key;
/// attachments as an array of attachment ids. Keys no longer in the schema are kept and exposed
/// as retired fields, so a schema change never hides stored content.
/// </summary>
public sealed class DeliverableContent
{
    private readonly JsonObject _root;

    public DeliverableContent(JsonObject root) => _root = root;

    public static DeliverableContent Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new DeliverableContent([]);
        }

        try
        {
            return new DeliverableContent(JsonNode.Parse(json) as JsonObject ?? []);
        }
        catch (JsonException)
        {
            return new DeliverableContent([]);
        }
    }

    public JsonObject Root => _root;

    public bool Has(string key) => _root[key] is not null;

    /// <summary>A scalar value as text ("" when missing); numbers in invariant culture.</summary>
    public string Text(string key) => ScalarText(_root[key]);

    public IReadOnlyList<string> List(string key) =>
        _root[key] is JsonArray array ? array.Select(ScalarText).Where(v => v.Length > 0).ToList() : [];

    /// <summary>Table rows as column key → text.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string key) =>
        _root[key] is JsonArray array
            ? array.OfType<JsonObject>().Select(row => (IReadOnlyDictionary<string, string>)row.ToDictionary(c => c.Key, c => ScalarText(c.Value))).ToList()
            : [];

    /// <summary>A field's value as a person reads it: numbers in es-AR ("1.250,5"), the rest as stored.</summary>
    public string Display(FieldDefinition field) => DisplayText(field, _root[field.Key]);

    /// <summary>The text a form's input shows for a field (see InputText).</summary>
    public string Input(FieldDefinition field) => InputText(field, _root[field.Key]);

    /// <summary>Table rows as column key → text a person reads (number cells in es-AR).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> DisplayRows(FieldDefinition table) => FormattedRows(table, DisplayText);

    /// <summary>Table rows as column key → text the form's inputs show.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> InputRows(FieldDefinition table) => FormattedRows(table, InputText);

    private List<IReadOnlyDictionary<string, string>> FormattedRows(FieldDefinition table, Func<FieldDefinition, JsonNode?, string> format)
    {
        var columns = (table.Columns ?? []).ToDictionary(c => c.Key);
        return _root[table.Key] is JsonArray array
            ? array.OfType<JsonObject>().Select(row => (IReadOnlyDictionary<string, string>)row.ToDictionary(
                c => c.Key,
                c => columns.TryGetValue(c.Key, out var column) ? format(column, c.Value) : ScalarText(c.Value))).ToList()
            : [];
    }

    /// <summary>
    /// A scalar as a person reads it. A number field's stored number is shown in es-AR; text kept
    /// because it could not be read as a number is shown exactly as it was typed.
    /// </summary>
    public static string DisplayText(FieldDefinition field, JsonNode? node) =>
        field.Type == FieldType.Number && NumberOf(node) is { } number ? ArgentineNumber.Format(number) : ScalarText(node);

    /// <summary>The text a form's input shows for a stored value (see ArgentineNumber.FormatForInput).</summary>
    public static string InputText(FieldDefinition field, JsonNode? node) =>
        field.Type == FieldType.Number && NumberOf(node) is { } number ? ArgentineNumber.FormatForInput(number) : ScalarText(node);

    /// <summary>A stored number (a JSON number, or text that reads as exactly one number); null otherwise.</summary>
    public static decimal? NumberOf(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<decimal>(out var d) => d,
            JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            JsonValueKind.String => ArgentineNumber.Read(value.GetValue<string>()).Value,
            _ => null,
        };
    }

    public IReadOnlyList<int> AttachmentIds(string key) =>
        _root[key] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<int>(out var id) ? id : (int?)null).OfType<int>().ToList()
            : [];

    /// <summary>Keys stored in the content that the schema no longer defines ("campos retirados").</summary>
    public IReadOnlyList<string> RetiredKeys(StageSchema schema) =>
        _root.Select(p => p.Key).Where(k => schema.Find(k) is null && _root[k] is not null).ToList();

    public string ToJson() => Serialize(_root);

    private static readonly JsonSerializerOptions StorageOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stored form of content: Spanish text kept readable (no \u00E9 escapes).</summary>
    public static string Serialize(JsonObject content) => content.ToJsonString(StorageOptions);

    internal static string ScalarText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "Sí" : "No",
        JsonArray array => string.Join(", ", array.Select(ScalarText)),
        _ => node.ToJsonString(),
    };
}
