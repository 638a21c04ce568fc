using System.Globalization;
using System.Text.Json.Nodes;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>
/// What makes an indicator measurable beyond its single cells: the target differs from the baseline
/// in the direction the team chose, and is dated after it. Without that, progress from baseline to
/// target has no meaning. Checked on submission; a draft keeps whatever was typed.
/// </summary>
public static class IndicatorRules
{
    public static IEnumerable<FieldError> Check(FieldDefinition field, JsonArray rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row)
            {
                continue;
            }

            var baseline = DeliverableContent.NumberOf(row[IndicatorField.Baseline]);
            var target = DeliverableContent.NumberOf(row[IndicatorField.Target]);
            var direction = DeliverableContent.ScalarText(row[IndicatorField.Direction]);
            if (baseline is { } b && target is { } t)
            {
                if (b == t)
                {
                    yield return new FieldError(field.Key, $"Fila {i + 1}: la meta tiene que ser distinta de la línea de base.", i, IndicatorField.Target);
                }
                else if (direction == IndicatorField.Up && t < b)
                {
                    yield return new FieldError(field.Key, $"Fila {i + 1}: con sentido «{IndicatorField.Up}», la meta tiene que ser mayor que la línea de base.", i, IndicatorField.Target);
                }
                else if (direction == IndicatorField.Down && t > b)
                {
                    yield return new FieldError(field.Key, $"Fila {i + 1}: con sentido «{IndicatorField.Down}», la meta tiene que ser menor que la línea de base.", i, IndicatorField.Target);
                }
            }

            if (DateOf(row[IndicatorField.BaselineDate]) is { } from && DateOf(row[IndicatorField.TargetDate]) is { } to && to <= from)
            {
                yield return new FieldError(field.Key, $"Fila {i + 1}: la fecha de la meta tiene que ser posterior a la de la línea de base.", i, IndicatorField.TargetDate);
            }
        }
    }

    public static DateOnly? DateOf(JsonNode? node) =>
        DateOnly.TryParseExact(DeliverableContent.ScalarText(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
