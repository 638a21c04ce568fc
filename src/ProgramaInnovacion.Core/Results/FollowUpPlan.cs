using System.Globalization;
using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Results;

/// <summary>
/// What a project follows up once its panel closes: the indicators and the implementation-plan
/// activities of its approved final project (the latest submission). Content written before
/// indicators were typed is read through IndicatorUpgrade; a baseline or target that still does not
/// read as a number is kept as its text, so the coordination sees what the team wrote.
/// </summary>
public static class FollowUpPlan
{
    /// <summary>The column key that marks the implementation plan's table (activity, owner, start, end).</summary>
    public const string ActivityColumn = "actividad";

    public static (List<FollowUpIndicator> Indicators, List<FollowUpActivity> Activities) From(int projectId, StageSchema schema, string? approvedJson)
    {
        var root = DeliverableContent.Parse(approvedJson).Root;
        var typed = IndicatorUpgrade.UpgradeSchema(schema) ?? schema;
        IndicatorUpgrade.UpgradeContent(typed, root);

        var indicators = new List<FollowUpIndicator>();
        foreach (var field in typed.Fields.Where(f => f.Type == FieldType.Indicators))
        {
            foreach (var row in (root[field.Key] as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = Text(row, IndicatorField.Name);
                if (name.Length == 0)
                {
                    continue;
                }

                var baseline = DeliverableContent.NumberOf(row[IndicatorField.Baseline]);
                var target = DeliverableContent.NumberOf(row[IndicatorField.Target]);
                var direction = Text(row, IndicatorField.Direction) switch
                {
                    IndicatorField.Down => IndicatorDirection.Down,
                    IndicatorField.Up => IndicatorDirection.Up,
                    _ => baseline is { } b && target is { } t && t < b ? IndicatorDirection.Down : IndicatorDirection.Up,
                };
                indicators.Add(new FollowUpIndicator
                {
                    ProjectId = projectId,
                    Position = indicators.Count,
                    Name = Cut(name, 200),
                    Unit = Cut(Text(row, IndicatorField.Unit), 60),
                    Baseline = baseline,
                    Target = target,
                    BaselineDate = IndicatorRules.DateOf(row[IndicatorField.BaselineDate]),
                    TargetDate = IndicatorRules.DateOf(row[IndicatorField.TargetDate]),
                    BaselineText = baseline is null ? NullIfEmpty(Cut(Text(row, IndicatorField.Baseline), 200)) : null,
                    TargetText = target is null ? NullIfEmpty(Cut(Text(row, IndicatorField.Target), 200)) : null,
                    Verification = NullIfEmpty(Cut(Text(row, IndicatorField.Verification), 300)),
                    Direction = direction,
                });
            }
        }

        var activities = new List<FollowUpActivity>();
        var plan = typed.Fields.FirstOrDefault(f => f.Type == FieldType.Table && (f.Columns ?? []).Any(c => c.Key == ActivityColumn));
        foreach (var row in plan is null ? [] : (root[plan.Key] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(row, ActivityColumn);
            if (name.Length == 0)
            {
                continue;
            }

            activities.Add(new FollowUpActivity
            {
                ProjectId = projectId,
                Position = activities.Count,
                Name = Cut(name, 200),
                Owner = NullIfEmpty(Cut(Text(row, "responsable"), 200)),
                StartsOn = DateOf(row, "inicio"),
                EndsOn = DateOf(row, "fin"),
                Status = ActivityStatus.Pending,
            });
        }

        return (indicators, activities);
    }

    private static string Text(JsonObject row, string key) => DeliverableContent.ScalarText(row[key]).Trim();

    private static DateOnly? DateOf(JsonObject row, string key) =>
        DateOnly.TryParseExact(Text(row, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
