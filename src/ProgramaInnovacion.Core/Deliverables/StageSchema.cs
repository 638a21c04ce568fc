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

    public static StageSchema FromJson(string json) =>
        JsonSerializer.Deserialize<StageSchema>(json, JsonOptions) ?? new StageSchema();

    public FieldDefinition? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);
}
