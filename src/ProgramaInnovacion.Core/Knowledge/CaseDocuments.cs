using System.Text;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Knowledge;

/// <summary>What the indexer knows about an approved stage when it builds its cases.</summary>
public sealed record ApprovedStageSource(
    int ProjectStageId,
    StageRole? Role,
    int EditionId,
    string MunicipalityName,
    MunicipalityCategory Category,
    string? ProjectTitle,
    string? ContentJson);

/// <summary>
/// Builds library cases from approved deliverables, pure so it is unit-tested: one case per
/// approved final project and one per row of an approved case-study table. The database indexes
/// their title, summary and body itself (ADR 0014: PostgreSQL full-text search, SQLite FTS5).
/// </summary>
public static class CaseDocuments
{
    /// <summary>The table field of a case-study stage whose rows are the cases (as in the default template).</summary>
    public const string CaseTableKey = "casos";

    /// <summary>The roles whose approved stages become library cases (CaseIndexer's query says the same).</summary>
    public static bool IsIndexedStage(StageRole? role) => role is StageRole.CaseStudy or StageRole.FinalProject;

    public static IReadOnlyList<CaseEntry> Build(ApprovedStageSource source, DateTime nowUtc)
    {
        var content = DeliverableContent.Parse(source.ContentJson);
        var entries = source.Role switch
        {
            StageRole.FinalProject => FinalProject(source, content),
            StageRole.CaseStudy => CaseStudyRows(source, content),
            _ => [],
        };
        foreach (var entry in entries)
        {
            entry.ProjectStageId = source.ProjectStageId;
            entry.EditionId = source.EditionId;
            entry.IndexedAtUtc = nowUtc;
        }

        return entries;
    }

    private static List<CaseEntry> FinalProject(ApprovedStageSource source, DeliverableContent content)
    {
        var summary = content.Text("resumen");
        if (summary.Length == 0)
        {
            return [];
        }

        var indicators = content.Rows("indicadores")
            .Select(r => $"{Cell(r, "indicador")}: de {Cell(r, "linea_base")} a {Cell(r, "meta")} {Cell(r, "unidad")}".Trim())
            .ToList();
        var body = new StringBuilder();
        Section(body, "Objetivos", content.Text("objetivos"));
        Section(body, "Beneficiarios", content.Text("beneficiarios"));
        Section(body, "Indicadores", string.Join('\n', indicators.Select(i => $"- {i}")));
        Section(body, "Presupuesto y financiamiento", content.Text("presupuesto"));
        Section(body, "Socios", content.Text("socios"));
        Section(body, "Riesgos y mitigación", content.Text("riesgos"));
        Section(body, "Escalabilidad a otras ciudades", content.Text("escalabilidad"));

        return
        [
            new CaseEntry
            {
                Source = CaseSource.FinalProject,
                RowIndex = 0,
                MunicipalityName = source.MunicipalityName,
                MunicipalityCategory = source.Category,
                Title = Cut(string.IsNullOrWhiteSpace(source.ProjectTitle) ? $"Proyecto final de {source.MunicipalityName}" : source.ProjectTitle, 300),
                Summary = Cut(summary, 2000),
                Body = Cut(body.ToString().Trim(), 20000),
                City = Cut(source.MunicipalityName, 200),
                Country = "Argentina",
                Description = Cut(summary, 1000),
                Results = Cut(string.Join("; ", indicators), 1000),
                Lessons = Cut(content.Text("escalabilidad") is { Length: > 0 } scale ? scale : content.Text("objetivos"), 1000),
            },
        ];
    }

    private static List<CaseEntry> CaseStudyRows(ApprovedStageSource source, DeliverableContent content)
    {
        var entries = new List<CaseEntry>();
        var rows = content.Rows(CaseTableKey);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var city = Cell(row, "ciudad");
            var description = Cell(row, "descripcion");
            if (city.Length == 0 && description.Length == 0)
            {
                continue;
            }

            var country = Cell(row, "pais");
            var results = Cell(row, "resultados");
            var lessons = Cell(row, "lecciones");
            var body = new StringBuilder();
            Section(body, "Resultados", results);
            Section(body, "Lecciones aplicables", lessons);
            entries.Add(new CaseEntry
            {
                Source = CaseSource.CaseStudy,
                RowIndex = i,
                MunicipalityName = source.MunicipalityName,
                MunicipalityCategory = source.Category,
                Title = Cut(country.Length > 0 ? $"{city} ({country}): {description}" : $"{city}: {description}", 300),
                Summary = Cut(description, 2000),
                Body = Cut(body.ToString().Trim(), 20000),
                City = Cut(city, 200),
                Country = Cut(country, 200),
                Description = Cut(description, 1000),
                Results = Cut(results, 1000),
                Lessons = Cut(lessons, 1000),
                SourceUrl = Cell(row, "fuente") is { Length: > 0 and <= 1000 } url ? url : null,
            });
        }

        return entries;
    }

    private static string Cell(IReadOnlyDictionary<string, string> row, string key) =>
        row.TryGetValue(key, out var value) ? value.Trim() : "";

    private static void Section(StringBuilder body, string heading, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Append("### ").Append(heading).Append("\n\n").Append(text.Trim()).Append("\n\n");
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
