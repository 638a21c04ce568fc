using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>Helpers for the stage pages: form fields as a browser sends them, valid values from a schema, arranging stage states.</summary>
internal static class StageForms
{
    public const string FormSelector = "#form-entregable";

    /// <summary>The fields a browser would post for the form (submit buttons excluded), with overrides.</summary>
    public static List<KeyValuePair<string, string>> Fields(IDocument page, string formSelector, IDictionary<string, string>? values = null) =>
        PortalClient.FormFields(page, formSelector, values);

    public static Task<HttpResponseMessage> PostAsync(PortalClient client, IDocument page, string url, IDictionary<string, string>? values = null, string formSelector = FormSelector) =>
        client.Http.PostAsync(url, new FormUrlEncodedContent(Fields(page, formSelector, values)));

    /// <summary>Submits the form and confirms at once, as the confirmation step's "Sí, entregar" button does (the step itself is tested in SubmitConfirmationTests).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(PortalClient client, IDocument page, string stageUrl, IDictionary<string, string>? values = null) =>
        PostAsync(client, page, stageUrl + "/entregar", new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["confirmado"] = "true" });

    /// <summary>Valid form values for every field of a schema (tables with their minimum rows).</summary>
    public static Dictionary<string, string> ValidValues(StageSchema schema)
    {
        var values = new Dictionary<string, string>();
        foreach (var field in schema.Fields)
        {
            if (field.IsTabular)
            {
                var rows = Math.Max(field.MinRows ?? 0, 1);
                values[FormIds.RowCountName(field.Key)] = rows.ToString(CultureInfo.InvariantCulture);
                for (var i = 0; i < rows; i++)
                {
                    foreach (var column in field.Columns ?? [])
                    {
                        values[FormIds.CellName(field.Key, i, column.Key)] = field.Type == FieldType.Indicators ? IndicatorValue(column, i) : Value(column, i);
                    }
                }
            }
            else if (field.Type != FieldType.Attachments)
            {
                values[FormIds.Name(field.Key)] = Value(field, 0);
            }
        }

        return values;
    }

    /// <summary>An indicator that passes IndicatorRules: it rises from its baseline to a later, higher target.</summary>
    private static string IndicatorValue(FieldDefinition column, int row) => column.Key switch
    {
        IndicatorField.Baseline => (10 + row).ToString(CultureInfo.InvariantCulture),
        IndicatorField.Target => (50 + row).ToString(CultureInfo.InvariantCulture),
        IndicatorField.BaselineDate => "2021-09-01",
        IndicatorField.TargetDate => "2022-09-01",
        IndicatorField.Direction => IndicatorField.Up,
        _ => Value(column, row),
    };

    private static string Value(FieldDefinition field, int row) => field.Type switch
    {
        FieldType.Number => ((field.Min ?? 0) + row % 2).ToString(CultureInfo.InvariantCulture),
        FieldType.Date => "2021-09-0" + (row % 9 + 1),
        FieldType.Url => "https://ejemplo.example/caso",
        FieldType.SingleChoice or FieldType.MultipleChoice => field.Options![row % field.Options.Count],
        _ => $"{field.Label} de prueba {row + 1}",
    };

    public static Task<int> ProjectIdAsync(PortalFactory factory, string slug) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());

    /// <summary>Puts a project's stage in a state (arranging a test) and returns its id.</summary>
    public static Task<int> SetStateAsync(PortalFactory factory, string slug, string key, StageState state) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == slug && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == key);
            db.ForceState(stage, state);
            await db.SaveChangesAsync();
            return stage.Id;
        });

    public static Task<StageState> StateAsync(PortalFactory factory, string slug, string key) =>
        factory.WithDbAsync(db => db.ProjectStages.Where(s => s.Project.Municipality.Slug == slug && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == key).Select(s => s.State).SingleAsync());

    public static Task<StageSchema> SchemaAsync(PortalFactory factory, string key) =>
        factory.WithDbAsync(async db => StageSchema.FromJson(await db.StageDefinitions.Where(d => d.Key == key).OrderBy(d => d.Id).Select(d => d.SchemaJson).FirstAsync()));
}
