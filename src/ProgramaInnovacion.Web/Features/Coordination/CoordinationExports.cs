using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Formatting;
using ProgramaInnovacion.Web.Infrastructure.Spreadsheets;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>
/// A table to export: Spanish column headers and rows of text, in order. The rows may be produced
/// as they are written (<see cref="ExportResult"/>), so a large edition is never held as a whole.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string>> Rows);

/// <summary>
/// The progress matrix and the deliverables of an edition as tables, and the writers that turn a
/// table into .xlsx (MiniExcel) or .csv (CsvHelper, UTF-8 with BOM so Excel reads the accents),
/// row by row into a stream.
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

    /// <summary>
    /// One row per field of every deliverable of the edition (retired fields included). The contents
    /// stream from the database into a temporary file and come back one at a time, in the export's
    /// order, as the writer asks for rows (issue 14: peak memory — every deliverable's content held
    /// per request made the benchmark's peak, 32 exports at once). The rows' enumeration owns the file.
    /// </summary>
    public async Task<ExportTable> DeliverablesAsync(int editionId)
    {
        var definitions = await db.StageDefinitions.AsNoTracking().Where(s => s.EditionId == editionId)
            .Select(s => new { s.Id, s.Order, s.Name, s.SchemaJson }).ToDictionaryAsync(s => s.Id);
        var query = db.Deliverables.AsNoTracking()
            .Where(d => d.ProjectStage.Project.EditionId == editionId)
            .Select(d => new
            {
                Municipality = d.ProjectStage.Project.Municipality.Name,
                d.ProjectStage.StageDefinitionId,
                d.ProjectStage.State,
                d.ContentJson,
                d.UpdatedAtUtc,
            });

        var contents = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 64 * 1024, FileOptions.DeleteOnClose);
        var deliverables = new List<SpilledDeliverable>();
        try
        {
            await foreach (var d in query.AsAsyncEnumerable())
            {
                var bytes = Encoding.UTF8.GetBytes(d.ContentJson);
                var definition = definitions[d.StageDefinitionId];
                deliverables.Add(new(d.Municipality, definition.Order, definition.Name, definition.SchemaJson, d.State, d.UpdatedAtUtc, contents.Position, bytes.Length));
                contents.Write(bytes);
            }
        }
        catch
        {
            await contents.DisposeAsync();
            throw;
        }

        var ordered = deliverables
            .OrderBy(d => d.Municipality, StringComparer.CurrentCulture)
            .ThenBy(d => d.Order)
            .ToList();
        return new ExportTable("Entregables", ["Municipio", "Etapa", "Estado", "Campo", "Valor", "Última modificación"], DeliverableRows(ordered, contents));
    }

    /// <summary>A deliverable of an export: what its rows say, and where its content waits in the temporary file.</summary>
    private sealed record SpilledDeliverable(string Municipality, int Order, string Name, string SchemaJson, StageState State, DateTime UpdatedAtUtc, long Offset, int Length);

    /// <summary>The deliverables' rows, produced as the writer asks for them (tens of thousands in a large edition).</summary>
    private static IEnumerable<IReadOnlyList<string>> DeliverableRows(IReadOnlyList<SpilledDeliverable> deliverables, FileStream contents)
    {
        using (contents)
        {
            var schemas = new Dictionary<string, StageSchema>(StringComparer.Ordinal);
            foreach (var deliverable in deliverables)
            {
                if (!schemas.TryGetValue(deliverable.SchemaJson, out var schema))
                {
                    schemas[deliverable.SchemaJson] = schema = StageSchema.FromJson(deliverable.SchemaJson);
                }

                var bytes = new byte[deliverable.Length];
                contents.Position = deliverable.Offset;
                contents.ReadExactly(bytes);
                var content = DeliverableContent.Parse(Encoding.UTF8.GetString(bytes));
                var stage = $"{deliverable.Order}. {deliverable.Name}";
                var state = deliverable.State.Label();
                var updated = ArgentinaClock.DateTimeText(deliverable.UpdatedAtUtc);
                foreach (var field in schema.Fields)
                {
                    yield return [deliverable.Municipality, stage, state, field.Label, FieldText(field, content), updated];
                }

                foreach (var key in content.RetiredKeys(schema))
                {
                    yield return [deliverable.Municipality, stage, state, $"{key} (campo retirado)", content.Text(key), updated];
                }
            }
        }
    }

    private static string FieldText(FieldDefinition field, DeliverableContent content) => field.Type switch
    {
        FieldType.MultipleChoice => string.Join(", ", content.List(field.Key)),
        FieldType.Attachments => content.AttachmentIds(field.Key).Count is var n and > 0 ? (n == 1 ? "1 archivo" : $"{n} archivos") : "",
        FieldType.Table or FieldType.Indicators => string.Join("\n", content.DisplayRows(field).Select(row =>
            string.Join("; ", (field.Columns ?? []).Select(c => $"{c.Label}: {(row.TryGetValue(c.Key, out var v) ? v : "")}")))),
        _ => content.Display(field), // numbers as people read them: 1.250,5
    };

    /// <summary>
    /// Writes the table as .xlsx. MiniExcel takes the rows one at a time from the enumeration, so
    /// only the zip being written grows, never a copy of the table.
    /// </summary>
    public static async Task WriteXlsxAsync(ExportTable table, Stream stream, CancellationToken cancellationToken = default)
    {
        await stream.SaveAsAsync(Records(table), sheetName: table.SheetName, excelType: ExcelType.XLSX, configuration: XlsxWriting.Configuration(), cancellationToken: cancellationToken);
    }

    private static IEnumerable<IDictionary<string, object>> Records(ExportTable table)
    {
        var any = false;
        foreach (var row in table.Rows)
        {
            any = true;
            var record = new Dictionary<string, object>(table.Headers.Count);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                record[table.Headers[i]] = row[i];
            }

            yield return record;
        }

        if (!any)
        {
            // MiniExcel takes headers from the first row; an empty export still shows them.
            yield return table.Headers.ToDictionary(h => h, _ => (object)"");
        }
    }

    /// <summary>Writes the table as .csv, row by row, with asynchronous writes (straight to the response body).</summary>
    public static async Task WriteCsvAsync(ExportTable table, Stream stream, CancellationToken cancellationToken = default)
    {
        // Injection escaping: a cell that starts with "=" or "+" must not run as a spreadsheet formula.
        var options = CsvWriterOptions.Default with { Separator = CsvDelimiter, WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. table.Headers], cancellationToken);
        foreach (var row in table.Rows)
        {
            await csv.WriteRecordAsync([.. row], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
