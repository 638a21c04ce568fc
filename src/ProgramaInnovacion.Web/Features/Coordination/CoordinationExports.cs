using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>A table to export: Spanish column headers and rows of text, in order.</summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The progress matrix and the deliverables of an edition as tables, and the writers that turn a
/// table into .xlsx (MiniExcel) or .csv (CsvHelper, UTF-8 with BOM so Excel reads the accents).
/// </summary>
public class CoordinationExports(AppDbContext db, DashboardQueries dashboard)
{
    /// <summary>Excel in Spanish locales splits CSV on semicolons (the comma is the decimal mark).</summary>
    public const char CsvDelimiter = ';';

    /// <summary>The dashboard's progress matrix as a table: what the coordinator sees on screen, cell by cell.</summary>
    public async Task<ExportTable> ProgressAsync(int editionId)
    {
        var matrix = await dashboard.MatrixAsync(editionId);
        var headers = new List<string> { "Municipio", "Provincia", "Desafío" };
        headers.AddRange(matrix.Stages.Select(d => $"{d.Order}. {d.Name}"));
        headers.AddRange(["Etapas aprobadas", "Etapa actual"]);

        var rows = matrix.Rows.Select(p =>
        {
            var row = new List<string> { p.Municipality, p.Province, p.Title ?? "" };
            row.AddRange(p.Cells.Select(c => c.State.Label()));
            row.Add($"{p.Approved} de {p.Total}");
            row.Add(p.Progress.CurrentIndex is { } current ? $"{matrix.Stages[current].Order}. {matrix.Stages[current].Name}" : "Completó el programa");
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new ExportTable("Avance", headers, rows);
    }

    /// <summary>One row per field of every deliverable of the edition (retired fields included).</summary>
    public async Task<ExportTable> DeliverablesAsync(int editionId)
    {
        var definitions = await db.StageDefinitions.AsNoTracking().Where(s => s.EditionId == editionId)
            .Select(s => new { s.Id, s.Order, s.Name, s.SchemaJson }).ToDictionaryAsync(s => s.Id);
        var deliverables = await db.Deliverables.AsNoTracking()
            .Where(d => d.ProjectStage.Project.EditionId == editionId)
            .Select(d => new
            {
                Municipality = d.ProjectStage.Project.Municipality.Name,
                d.ProjectStage.StageDefinitionId,
                d.ProjectStage.State,
                d.ContentJson,
                d.UpdatedAtUtc,
            })
            .ToListAsync();

        var headers = new List<string> { "Municipio", "Etapa", "Estado", "Campo", "Valor", "Última modificación" };
        var rows = new List<IReadOnlyList<string>>();
        foreach (var deliverable in deliverables
            .OrderBy(d => d.Municipality, StringComparer.CurrentCulture)
            .ThenBy(d => definitions[d.StageDefinitionId].Order))
        {
            var definition = definitions[deliverable.StageDefinitionId];
            var schema = StageSchema.FromJson(definition.SchemaJson);
            var content = DeliverableContent.Parse(deliverable.ContentJson);
            var stage = $"{definition.Order}. {definition.Name}";
            var updated = ArgentinaClock.DateTimeText(deliverable.UpdatedAtUtc);
            foreach (var field in schema.Fields)
            {
                rows.Add([deliverable.Municipality, stage, deliverable.State.Label(), field.Label, FieldText(field, content), updated]);
            }

            foreach (var key in content.RetiredKeys(schema))
            {
                rows.Add([deliverable.Municipality, stage, deliverable.State.Label(), $"{key} (campo retirado)", content.Text(key), updated]);
            }
        }

        return new ExportTable("Entregables", headers, rows);
    }

    private static string FieldText(FieldDefinition field, DeliverableContent content) => field.Type switch
    {
        FieldType.MultipleChoice => string.Join(", ", content.List(field.Key)),
        FieldType.Attachments => content.AttachmentIds(field.Key).Count is var n and > 0 ? (n == 1 ? "1 archivo" : $"{n} archivos") : "",
        FieldType.Table or FieldType.Indicators => string.Join("\n", content.DisplayRows(field).Select(row =>
            string.Join("; ", (field.Columns ?? []).Select(c => $"{c.Label}: {(row.TryGetValue(c.Key, out var v) ? v : "")}")))),
        _ => content.Display(field), // numbers as people read them: 1.250,5
    };

    public static async Task<byte[]> ToXlsxAsync(ExportTable table)
    {
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object>(table.Headers.Count);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                record[table.Headers[i]] = row[i];
            }

            return record;
        }).ToList();
        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            // MiniExcel takes headers from the first row; an empty export still shows them.
            rows.Add(table.Headers.ToDictionary(h => h, _ => (object)""));
        }

        await stream.SaveAsAsync(rows, sheetName: table.SheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static async Task<byte[]> ToCsvAsync(ExportTable table)
    {
        using var stream = new MemoryStream();
        // Injection escaping: a cell that starts with "=" or "+" must not run as a spreadsheet formula.
        var options = CsvWriterOptions.Default with { Separator = CsvDelimiter, WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord([.. table.Headers]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord([.. row]);
            }
        }

        return stream.ToArray();
    }
}
