using System.Globalization;
using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.Core.Results;

/// <summary>
/// Moves final projects written before indicators were typed onto the indicator field type: the
/// old free-text table (indicador, línea de base, meta, unidad, medio de verificación) becomes an
/// indicator field, and each row's baseline and target become numbers where their text reads as
/// one number (with its unit and date when the text carries them). Text that does not read stays
/// exactly as typed: it is shown as written and the next submission asks for a number. The
/// direction is inferred only from two numbers. Idempotent: run again, it changes nothing.
/// </summary>
public static class IndicatorUpgrade
{
    /// <summary>The schema with its free-text indicator tables turned into indicator fields; null when there is none.</summary>
    public static StageSchema? UpgradeSchema(StageSchema schema)
    {
        if (!schema.Fields.Any(IsFreeTextIndicatorTable))
        {
            return null;
        }

        return schema with
        {
            Fields = schema.Fields.Select(f => IsFreeTextIndicatorTable(f)
                ? IndicatorField.Definition(f.Key, f.Label, f.MinRows ?? 1, Math.Max(f.MaxRows ?? 20, 1), f.Help)
                : f).ToList(),
        };
    }

    public static bool IsFreeTextIndicatorTable(FieldDefinition field) =>
        field.Type == FieldType.Table
        && field.Columns is { } columns
        && columns.Any(c => c.Key == IndicatorField.Name)
        && columns.Any(c => c.Key == IndicatorField.Baseline)
        && columns.Any(c => c.Key == IndicatorField.Target);

    /// <summary>Reads the free-text cells of the content's indicator fields; true when something changed.</summary>
    public static bool UpgradeContent(StageSchema schema, JsonObject content)
    {
        var changed = false;
        foreach (var field in schema.Fields.Where(f => f.Type == FieldType.Indicators))
        {
            if (content[field.Key] is not JsonArray rows)
            {
                continue;
            }

            foreach (var row in rows.OfType<JsonObject>())
            {
                changed |= ReadCell(row, IndicatorField.Baseline, IndicatorField.BaselineDate);
                changed |= ReadCell(row, IndicatorField.Target, IndicatorField.TargetDate);
                if (row[IndicatorField.Direction] is null
                    && DeliverableContent.NumberOf(row[IndicatorField.Baseline]) is { } baseline
                    && DeliverableContent.NumberOf(row[IndicatorField.Target]) is { } target
                    && baseline != target)
                {
                    row[IndicatorField.Direction] = target > baseline ? IndicatorField.Up : IndicatorField.Down;
                    changed = true;
                }
            }
        }

        return changed;
    }

    private static bool ReadCell(JsonObject row, string valueKey, string dateKey)
    {
        if (row[valueKey] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return false; // already a number, or empty
        }

        var reading = FreeTextIndicator.Parse(text);
        if (reading.Number is not { } number)
        {
            return false; // kept as typed: readable, and the next submission asks for a number
        }

        row[valueKey] = JsonValue.Create(number);
        if (reading.Unit is { } unit && DeliverableContent.ScalarText(row[IndicatorField.Unit]).Trim().Length == 0)
        {
            row[IndicatorField.Unit] = unit;
        }

        if (reading.Date is { } date && row[dateKey] is null)
        {
            row[dateKey] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return true;
    }
}
