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
