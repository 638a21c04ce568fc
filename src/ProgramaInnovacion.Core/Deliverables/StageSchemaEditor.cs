using System.Text.RegularExpressions;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>A problem with a proposed field, named after the form input it belongs to.</summary>
public sealed record SchemaError(string Field, string Message);

/// <summary>The schema after an edit, or why the edit was refused.</summary>
public sealed record SchemaEditResult(StageSchema Schema, IReadOnlyList<SchemaError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The rules of the stage-template editor, pure so they are unit-tested. An edit never breaks
/// stored content: keys are stable (a field is added with a key that never changes), a field
/// whose key has stored content keeps its type, and a removed field's content stays in the
/// deliverables, shown as "campos retirados".
/// </summary>
public static partial class StageSchemaEditor
{
    public const int MaxTextLength = 100_000;
    public const int MaxTableRows = 500;

    public static readonly IReadOnlyList<FieldType> ColumnTypes =
        [FieldType.ShortText, FieldType.LongText, FieldType.Number, FieldType.Date, FieldType.Url, FieldType.SingleChoice];

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,59}$")]
    private static partial Regex KeyPattern();

    public static bool IsValidKey(string key) => KeyPattern().IsMatch(key);

    /// <summary>Adds a new field at the end.</summary>
    public static SchemaEditResult Add(StageSchema schema, FieldDefinition field, IReadOnlySet<string> keysWithContent)
    {
        var errors = Validate(field).ToList();
        if (schema.Find(field.Key) is not null)
        {
            errors.Add(new SchemaError(nameof(FieldDefinition.Key), $"Ya hay un campo con la clave «{field.Key}» en esta etapa."));
        }
        else if (keysWithContent.Contains(field.Key))
        {
            errors.Add(new SchemaError(nameof(FieldDefinition.Key), $"La clave «{field.Key}» perteneció a un campo retirado que todavía tiene contenido guardado; elegí otra."));
        }

        return errors.Count > 0 ? new SchemaEditResult(schema, errors) : new SchemaEditResult(schema with { Fields = [.. schema.Fields, field] }, []);
    }

    /// <summary>Replaces the field with the same key; the key itself never changes.</summary>
    public static SchemaEditResult Update(StageSchema schema, FieldDefinition field, IReadOnlySet<string> keysWithContent)
    {
        var existing = schema.Find(field.Key);
        if (existing is null)
        {
            return new SchemaEditResult(schema, [new SchemaError("", "El campo ya no existe en esta etapa.")]);
        }

        var errors = Validate(field).ToList();
        if (existing.Type != field.Type && keysWithContent.Contains(field.Key))
        {
            errors.Add(new SchemaError(nameof(FieldDefinition.Type),
                "No se puede cambiar el tipo de un campo que ya tiene contenido guardado: el contenido dejaría de leerse bien. Retirá el campo y agregá uno nuevo."));
        }

        return errors.Count > 0
            ? new SchemaEditResult(schema, errors)
            : new SchemaEditResult(schema with { Fields = schema.Fields.Select(f => f.Key == field.Key ? field : f).ToList() }, []);
    }

    /// <summary>Takes a field out of the form; its stored content is untouched.</summary>
    public static StageSchema Remove(StageSchema schema, string key) =>
        schema with { Fields = schema.Fields.Where(f => f.Key != key).ToList() };

    /// <summary>Moves a field one place up (-1) or down (+1); out-of-range moves change nothing.</summary>
    public static StageSchema Move(StageSchema schema, string key, int delta)
    {
        var fields = schema.Fields.ToList();
        var index = fields.FindIndex(f => f.Key == key);
        var target = index + Math.Sign(delta);
        if (index < 0 || target < 0 || target >= fields.Count)
        {
            return schema;
        }

        (fields[index], fields[target]) = (fields[target], fields[index]);
        return schema with { Fields = fields };
    }

    public static IEnumerable<SchemaError> Validate(FieldDefinition field, bool isColumn = false)
    {
        var prefix = isColumn ? $"Columna «{field.Key}»: " : "";
        if (!IsValidKey(field.Key))
        {
            yield return new SchemaError(nameof(FieldDefinition.Key), prefix + "La clave lleva de 1 a 60 caracteres: minúsculas sin tildes, números, guiones; empieza con una letra.");
        }

        if (string.IsNullOrWhiteSpace(field.Label))
        {
            yield return new SchemaError(nameof(FieldDefinition.Label), prefix + "Escribí la etiqueta que ve el equipo.");
        }
        else if (field.Label.Length > 200)
        {
            yield return new SchemaError(nameof(FieldDefinition.Label), prefix + "La etiqueta puede tener hasta 200 caracteres.");
        }

        if (field.MinLength is < 0 || field.MaxLength is < 1 || field.MaxLength > MaxTextLength)
        {
            yield return new SchemaError(nameof(FieldDefinition.MaxLength), prefix + $"Las longitudes van de 0 a {MaxTextLength:N0} caracteres.");
        }
        else if (field.MinLength > field.MaxLength)
        {
            yield return new SchemaError(nameof(FieldDefinition.MinLength), prefix + "La longitud mínima no puede superar la máxima.");
        }

        if (field.Min > field.Max)
        {
            yield return new SchemaError(nameof(FieldDefinition.Min), prefix + "El valor mínimo no puede superar el máximo.");
        }

        if (field.Type is FieldType.SingleChoice or FieldType.MultipleChoice)
        {
            var options = field.Options ?? [];
            if (options.Count < 2)
            {
                yield return new SchemaError(nameof(FieldDefinition.Options), prefix + "Una pregunta de opciones necesita al menos dos opciones.");
            }
            else if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
            {
                yield return new SchemaError(nameof(FieldDefinition.Options), prefix + "Hay opciones repetidas.");
            }
        }

        if (field.Type == FieldType.Indicators && isColumn)
        {
            yield return new SchemaError(nameof(FieldDefinition.Columns), prefix + "Una columna no puede ser de indicadores.");
            yield break;
        }

        if (field.IsTabular)
        {
            if (isColumn)
            {
                yield return new SchemaError(nameof(FieldDefinition.Columns), prefix + "Una columna no puede ser una tabla.");
                yield break;
            }

            var columns = field.Columns ?? [];
            if (columns.Count == 0)
            {
                yield return new SchemaError(nameof(FieldDefinition.Columns), "Una tabla necesita al menos una columna.");
            }
            else if (columns.Select(c => c.Key).Distinct().Count() != columns.Count)
            {
                yield return new SchemaError(nameof(FieldDefinition.Columns), "Hay columnas con la misma clave.");
            }

            foreach (var column in columns)
            {
                if (!ColumnTypes.Contains(column.Type))
                {
                    yield return new SchemaError(nameof(FieldDefinition.Columns), $"Columna «{column.Key}»: ese tipo no se puede usar en una tabla.");
                }

                foreach (var error in Validate(column, isColumn: true))
                {
                    yield return error with { Field = nameof(FieldDefinition.Columns) };
                }
            }

            if (field.MinRows is < 0 || field.MaxRows is < 1 || field.MaxRows > MaxTableRows)
            {
                yield return new SchemaError(nameof(FieldDefinition.MaxRows), $"Las filas van de 0 a {MaxTableRows}.");
            }
            else if (field.MinRows > field.MaxRows)
            {
                yield return new SchemaError(nameof(FieldDefinition.MinRows), "El mínimo de filas no puede superar el máximo.");
            }
        }
    }
}
