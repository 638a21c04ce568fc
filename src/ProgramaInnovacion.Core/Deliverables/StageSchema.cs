using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramaInnovacion.Core.Deliverables;

public enum FieldType
{
    ShortText,
    LongText,
    Number,
    Date,
    Url,
    SingleChoice,
    MultipleChoice,
    Table,
    Attachments,

    /// <summary>
    /// Results indicators: a table whose columns are fixed by the type (IndicatorField.Columns) —
    /// name, unit, baseline and target (number and date), means of verification and direction.
    /// </summary>
    Indicators,
}

/// <summary>
/// One field of a deliverable form. Table fields hold Columns of the simple types; the limits that
/// do not apply to a type are left null.
/// </summary>
public sealed record FieldDefinition
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    public FieldType Type { get; init; }

    public string? Help { get; init; }

    public bool Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    public IReadOnlyList<FieldDefinition>? Columns { get; init; }

    public int? MinRows { get; init; }

    public int? MaxRows { get; init; }

    /// <summary>True for the field types stored and edited as rows (tables and indicators).</summary>
    [JsonIgnore]
    public bool IsTabular => Type is FieldType.Table or FieldType.Indicators;
}

/// <summary>The field schema of a stage's deliverable, stored as JSON on the stage definition.</summary>
public sealed record StageSchema
{
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static StageSchema FromJson(string json)
    {
        var schema = JsonSerializer.Deserialize<StageSchema>(json, JsonOptions) ?? new StageSchema();

        // An indicator field's columns belong to the type, not to the stored schema: every reader
        // (form, validator, follow-up, roll-up) sees the same typed columns.
        return schema.Fields.Any(f => f.Type == FieldType.Indicators)
            ? schema with { Fields = schema.Fields.Select(f => f.Type == FieldType.Indicators ? f with { Columns = IndicatorField.Columns } : f).ToList() }
            : schema;
    }

    public FieldDefinition? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);
}
