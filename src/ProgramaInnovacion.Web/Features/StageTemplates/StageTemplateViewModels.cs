using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.StageTemplates;

public sealed record StageListRow(int Id, int Order, string Key, string Name, DateTime? DueAtUtc, int FieldCount, bool HasSubmissions, StageRole? Role = null);

public class StageForm
{
    [Required(ErrorMessage = "Escribí el nombre de la etapa.")]
    [StringLength(200, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    public string Name { get; set; } = "";

    [StringLength(4000, ErrorMessage = "La descripción puede tener hasta {1} caracteres.")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "Las preguntas pueden tener hasta {1} caracteres en total.")]
    public string? GuidingQuestions { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>What the stage is for (the panel, the case library and the insights find it by this); at most one stage per role.</summary>
    public StageRole? Role { get; set; }
}

public class NewStageForm : StageForm
{
    [Required(ErrorMessage = "Escribí la clave de la etapa (por ejemplo, «escalamiento»).")]
    public string Key { get; set; } = "";
}

/// <summary>The role select of the new-stage and stage forms: the posted field name and the chosen role.</summary>
public sealed record RoleSelect(string Name, StageRole? Value);

public sealed record StageTemplateViewModel(int EditionId, string EditionName, IReadOnlyList<StageListRow> Stages, NewStageForm NewStage);

public sealed record FieldRow(string Key, string Label, FieldType Type, bool Required, bool HasContent);

public sealed record TemplateStageViewModel(int EditionId, string EditionName, int StageId, string Key, int Order, StageForm Form,
    IReadOnlyList<FieldRow> Fields, IReadOnlyList<string> RetiredKeysWithContent, bool HasSubmissions);

public sealed record FieldViewModel(int EditionId, int StageId, string StageName, bool IsNew, FieldForm Form, bool HasContent, bool HasSubmissions);

/// <summary>A change to a stage with submitted deliverables, shown back for confirmation before it is applied.</summary>
public sealed record ConfirmViewModel(string Action, string Message, IReadOnlyList<KeyValuePair<string, string>> Values, string CancelUrl);

public static class FieldTypeText
{
    public static string Label(this FieldType type) => type switch
    {
        FieldType.ShortText => "Texto corto",
        FieldType.LongText => "Texto largo",
        FieldType.Number => "Número",
        FieldType.Date => "Fecha",
        FieldType.Url => "Enlace (URL)",
        FieldType.SingleChoice => "Opción única",
        FieldType.MultipleChoice => "Opción múltiple",
        FieldType.Table => "Tabla",
        FieldType.Attachments => "Archivos adjuntos",
        FieldType.Indicators => "Indicadores de resultado",
        _ => type.ToString(),
    };

    public static FieldType? Parse(string text)
    {
        var value = text.Trim();
        foreach (var type in Enum.GetValues<FieldType>())
        {
            if (string.Equals(type.Label(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(type.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }
}

/// <summary>A field as the editor form shows it: options one per line, table columns one per line.</summary>
public class FieldForm
{
    // The same limits StageSchemaEditor enforces, declared here too so an over-long value is cut before it is shown back.
    [StringLength(60, ErrorMessage = "La clave lleva de 1 a 60 caracteres: minúsculas sin tildes, números, guiones; empieza con una letra.")]
    [Display(Name = "Clave")]
    public string Key { get; set; } = "";

    [StringLength(200, ErrorMessage = "La etiqueta puede tener hasta {1} caracteres.")]
    [Display(Name = "Etiqueta")]
    public string Label { get; set; } = "";

    public FieldType Type { get; set; }

    public string? Help { get; set; }

    public bool Required { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>One option per line.</summary>
    public string? Options { get; set; }

    /// <summary>One column per line: "clave | Etiqueta | tipo | opción, opción".</summary>
    public string? Columns { get; set; }

    public int? MinRows { get; set; }

    public int? MaxRows { get; set; }

    public static FieldForm From(FieldDefinition f) => new()
    {
        Key = f.Key,
        Label = f.Label,
        Type = f.Type,
        Help = f.Help,
        Required = f.Required,
        MinLength = f.MinLength,
        MaxLength = f.MaxLength,
        Min = f.Min,
        Max = f.Max,
        Options = f.Options is null ? null : string.Join('\n', f.Options),
        Columns = f.Columns is null ? null : string.Join('\n', f.Columns.Select(c =>
            $"{c.Key} | {c.Label} | {c.Type.Label()}" + (c.Options is { Count: > 0 } ? " | " + string.Join(", ", c.Options) : ""))),
        MinRows = f.MinRows,
        MaxRows = f.MaxRows,
    };

    /// <summary>The definition the form describes, keeping only the limits that apply to its type.</summary>
    public (FieldDefinition? Field, string? Error) ToDefinition()
    {
        var isText = Type is FieldType.ShortText or FieldType.LongText;
        var isChoice = Type is FieldType.SingleChoice or FieldType.MultipleChoice;
        List<FieldDefinition>? columns = null;
        if (Type == FieldType.Table)
        {
            columns = [];
            foreach (var line in Lines(Columns))
            {
                var parts = line.Split('|', StringSplitOptions.TrimEntries);
                if (parts.Length < 2)
                {
                    return (null, $"La columna «{line}» necesita al menos clave y etiqueta, separadas por «|».");
                }

                var type = parts.Length > 2 && parts[2].Length > 0 ? FieldTypeText.Parse(parts[2]) : FieldType.ShortText;
                if (type is null)
                {
                    return (null, $"La columna «{parts[0]}» tiene un tipo desconocido: «{parts[2]}».");
                }

                var options = parts.Length > 3 ? parts[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
                columns.Add(new FieldDefinition { Key = parts[0], Label = parts[1], Type = type.Value, Options = options });
            }
        }

        return (new FieldDefinition
        {
            Key = Key.Trim(),
            Label = Label.Trim(),
            Type = Type,
            Help = string.IsNullOrWhiteSpace(Help) ? null : Help.Trim(),
            Required = Required,
            MinLength = isText ? MinLength : null,
            MaxLength = isText ? MaxLength : null,
            Min = Type == FieldType.Number ? Min : null,
            Max = Type == FieldType.Number ? Max : null,
            Options = isChoice ? Lines(Options).ToList() : null,
            Columns = Type == FieldType.Indicators ? IndicatorField.Columns : columns,
            MinRows = Type is FieldType.Table or FieldType.Indicators ? MinRows : null,
            MaxRows = Type is FieldType.Table or FieldType.Indicators ? MaxRows : null,
        }, null);
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
