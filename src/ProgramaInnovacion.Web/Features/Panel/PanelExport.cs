using MiniExcelLibs;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Spreadsheets;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>
/// The panel's results as an Excel workbook: ranking, scores per criterion, recommendations and
/// their follow-up. Built from the coordinator overview: a fixed number of SQL commands.
/// </summary>
public class PanelExport(PanelQueries queries)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]> WorkbookAsync(IReadOnlySet<int>? scope)
    {
        var overview = await queries.CoordinatorOverviewAsync(scope);
        var ranking = new List<Dictionary<string, object?>>();
        var criteria = new List<Dictionary<string, object?>>();
        var scores = new List<Dictionary<string, object?>>();
        var recommendations = new List<Dictionary<string, object?>>();
        foreach (var row in overview.Ranking)
        {
            ranking.Add(new()
            {
                ["Posición"] = row.Rank,
                ["Municipio"] = row.Project.Municipality,
                ["Provincia"] = row.Project.Province,
                ["Proyecto"] = row.Project.Title,
                ["Promedio ponderado"] = row.WeightedAverage,
                ["Evaluaciones enviadas"] = row.Assignments.Count(a => a.EvaluationStatus == EvaluationStatus.Submitted),
                ["Expertos asignados"] = row.Assignments.Count,
                ["Publicado"] = row.PublishedAtUtc is null ? "No" : "Sí",
                ["Mesa cerrada"] = row.ClosedAtUtc is null ? "No" : "Sí",
            });

            foreach (var criterion in row.Result.Criteria)
            {
                criteria.Add(new()
                {
                    ["Municipio"] = row.Project.Municipality,
                    ["Criterio"] = criterion.Criterion.Name,
                    ["Peso"] = criterion.Criterion.Weight,
                    ["Promedio"] = criterion.Average,
                    ["Dispersión (máx. − mín.)"] = criterion.Spread,
                    ["Desacuerdo"] = criterion.LargeDisagreement ? "Sí" : "No",
                });
                foreach (var evaluation in row.Result.Evaluations)
                {
                    var score = evaluation.ScoreFor(criterion.Criterion.Id);
                    scores.Add(new()
                    {
                        ["Municipio"] = row.Project.Municipality,
                        ["Experto"] = evaluation.ExpertLabel,
                        ["Criterio"] = criterion.Criterion.Name,
                        ["Puntaje"] = score?.Score,
                        ["Comentario"] = score?.Comment,
                    });
                }
            }

            foreach (var recommendation in row.Result.Evaluations.SelectMany(e => e.Recommendations))
            {
                recommendations.Add(new()
                {
                    ["Municipio"] = row.Project.Municipality,
                    ["Experto"] = recommendation.ExpertLabel,
                    ["Categoría"] = recommendation.Category.Label(),
                    ["Prioridad"] = recommendation.Priority.Label(),
                    ["Recomendación"] = recommendation.Text,
                    ["Respuesta del equipo"] = recommendation.Response?.Decision?.Label(),
                    ["Acción"] = recommendation.Response?.Action,
                    ["Fecha objetivo"] = recommendation.Response?.TargetDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                    ["Seguimiento"] = (recommendation.Response?.FollowUp ?? FollowUpStatus.Pending).Label(),
                    ["Nota de seguimiento"] = recommendation.Response?.FollowUpNote,
                });
            }
        }

        var sheets = new Dictionary<string, object>
        {
            ["Ranking"] = OrEmpty(ranking),
            ["Criterios"] = OrEmpty(criteria),
            ["Puntajes"] = OrEmpty(scores),
            ["Recomendaciones"] = OrEmpty(recommendations),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, configuration: XlsxWriting.Configuration());
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> OrEmpty(List<Dictionary<string, object?>> rows) =>
        rows.Count > 0 ? rows : [new() { ["Sin datos"] = "Todavía no hay información para esta hoja." }];
}
