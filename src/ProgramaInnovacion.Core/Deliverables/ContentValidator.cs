using System.Globalization;
using System.Text.Json.Nodes;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>
/// One problem with a deliverable's content. Row and Column locate a table cell; ElementId is the
/// id of the form control the message belongs to (the form renders the same ids).
/// </summary>
public sealed record FieldError(string FieldKey, string Message, int? Row = null, string? Column = null)
{
    public string ElementId => FormIds.For(FieldKey, Row, Column);
}

/// <summary>The ids and names the deliverable form uses, in one place for the form, the reader and the validator.</summary>
public static class FormIds
{
    public const string Prefix = "f";

    public static string For(string fieldKey, int? row = null, string? column = null) =>
        row is { } r && column is not null ? $"{Prefix}-{fieldKey}-{r}-{column}" : $"{Prefix}-{fieldKey}";

    public static string Name(string fieldKey) => $"{Prefix}.{fieldKey}";

    public static string CellName(string fieldKey, int row, string column) => $"{Prefix}.{fieldKey}.{row}.{column}";

    public static string RowCountName(string fieldKey) => $"{Prefix}.{fieldKey}.filas";

    public static string RemoveRowName(string fieldKey, int row) => $"{Prefix}.{fieldKey}.{row}.quitar";

    public static string RemoveFileName(string fieldKey) => $"{Prefix}.{fieldKey}.quitar";
}

/// <summary>
/// Checks a deliverable's content against its stage schema: required fields, text
/// lengths, numeric ranges, table rows, URL and date formats, choices within their options.
/// Pure: the same rules for the form, the tests and any import. Messages are Spanish.
/// </summary>
public static class ContentValidator
{
    public static IReadOnlyList<FieldError> Validate(StageSchema schema, JsonObject content) => Validate(schema, content, draft: false);

    /// <summary>
    /// The checks a draft gets: everything except completeness (required fields, minimum lengths
    /// and rows), since a draft is unfinished by nature. What it finds (a number that does not read,
    /// 2021-13-01, a value that is not an option) is kept as typed and shown beside its field.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateDraft(StageSchema schema, JsonObject content) => Validate(schema, content, draft: true);

    private static List<FieldError> Validate(StageSchema schema, JsonObject content, bool draft)
    {
        var errors = new List<FieldError>();
        foreach (var field in schema.Fields)
        {
            var node = content[field.Key];
            if (field.IsTabular)
            {
                ValidateTable(field, node, errors, draft);
                if (field.Type == FieldType.Indicators && !draft && node is JsonArray indicators)
                {
                    errors.AddRange(IndicatorRules.Check(field, indicators));
                }
            }
            else if (ValidateValue(field, node, draft) is { } message)
            {
                errors.Add(new FieldError(field.Key, message));
            }
        }

        return errors;
    }

    private static void ValidateTable(FieldDefinition field, JsonNode? node, List<FieldError> errors, bool draft)
    {
        var rows = node as JsonArray;
        if (node is not null && rows is null)
        {
            errors.Add(new FieldError(field.Key, $"«{field.Label}» debe ser una tabla."));
            return;
        }

        var count = rows?.Count ?? 0;
        var min = field.MinRows ?? (field.Required ? 1 : 0);
        if (!draft && count < min)
        {
            errors.Add(new FieldError(field.Key, min == 1
                ? $"«{field.Label}» necesita al menos una fila."
                : $"«{field.Label}» necesita al menos {min} filas (tiene {count})."));
        }

        if (field.MaxRows is { } max && count > max)
        {
            errors.Add(new FieldError(field.Key, $"«{field.Label}» admite como máximo {max} filas (tiene {count})."));
        }

        for (var i = 0; i < count; i++)
        {
            if (rows![i] is not JsonObject row)
            {
                errors.Add(new FieldError(field.Key, $"La fila {i + 1} de «{field.Label}» no es válida."));
                continue;
            }

            foreach (var column in field.Columns ?? [])
            {
                if (ValidateValue(column, row[column.Key], draft) is { } message)
                {
                    errors.Add(new FieldError(field.Key, $"Fila {i + 1}: {message}", i, column.Key));
                }
            }
        }
    }

    /// <summary>The Spanish message for an invalid value, or null when the value is fine.</summary>
    public static string? ValidateValue(FieldDefinition field, JsonNode? node) => ValidateValue(field, node, draft: false);

    private static string? ValidateValue(FieldDefinition field, JsonNode? node, bool draft)
    {
        var label = field.Label;
        var required = field.Required && !draft;
        if (field.Type == FieldType.MultipleChoice)
        {
            var items = node is JsonArray array ? array.Select(DeliverableContent.ScalarText).Where(v => v.Length > 0).ToList() : [];
            if (node is not null and not JsonArray)
            {
                return $"«{label}» debe ser una lista de opciones.";
            }

            if (items.Count == 0)
            {
                return required ? $"Elegí al menos una opción en «{label}»." : null;
            }

            var unknown = items.FirstOrDefault(i => !(field.Options ?? []).Contains(i));
            return unknown is null ? null : $"«{unknown}» no es una opción de «{label}».";
        }

        if (field.Type == FieldType.Attachments)
        {
            var count = node is JsonArray files ? files.Count : 0;
            return required && count == 0 ? $"Subí al menos un archivo en «{label}»." : null;
        }

        if (node is JsonArray or JsonObject)
        {
            return $"«{label}» tiene un valor que no corresponde a su tipo.";
        }

        var text = DeliverableContent.ScalarText(node).Trim();
        if (text.Length == 0)
        {
            return required ? $"Completá «{label}»." : null;
        }

        return field.Type switch
        {
            FieldType.ShortText or FieldType.LongText => CheckLength(field, text, draft),
            FieldType.Number => CheckNumber(field, node),
            FieldType.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : $"«{label}» debe ser una fecha válida (día, mes y año).",
            FieldType.Url => IsHttpUrl(text) ? null : $"«{label}» debe ser una dirección web completa que empiece con http:// o https://.",
            FieldType.SingleChoice => (field.Options ?? []).Contains(text) ? null : $"Elegí una de las opciones de «{label}».",
            _ => null,
        };
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    private static string? CheckLength(FieldDefinition field, string text, bool draft)
    {
        // Text elements, so "á" typed as two code points counts once.
        var length = new StringInfo(text).LengthInTextElements;
        if (!draft && field.MinLength is { } min && length < min)
        {
            return $"«{field.Label}» debe tener al menos {min} caracteres (tiene {length}).";
        }

        if (field.MaxLength is { } max && length > max)
        {
            return $"«{field.Label}» admite como máximo {max} caracteres (tiene {length}).";
        }

        return null;
    }

    private static string? CheckNumber(FieldDefinition field, JsonNode? node)
    {
        if (DeliverableContent.NumberOf(node) is not { } value)
        {
            return ArgentineNumber.Problem(field.Label, DeliverableContent.ScalarText(node))
                ?? $"«{field.Label}» debe ser un número.";
        }

        return (field.Min, field.Max) switch
        {
            ({ } min, { } max) when value < min || value > max => $"«{field.Label}» debe estar entre {ArgentineNumber.Format(min)} y {ArgentineNumber.Format(max)}.",
            ({ } min, null) when value < min => $"«{field.Label}» debe ser como mínimo {ArgentineNumber.Format(min)}.",
            (null, { } max) when value > max => $"«{field.Label}» debe ser como máximo {ArgentineNumber.Format(max)}.",
            _ => null,
        };
    }
}
