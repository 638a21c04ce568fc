using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>
/// An export sent as it is written (issue 14): the .csv row by row straight into the response body;
/// the .xlsx into a temporary file first — a zip is written with seeks and synchronous writes, which
/// the response body refuses — and from there to the client. Neither holds the table or the file in
/// memory, however large the edition.
/// </summary>
public sealed class ExportResult(ExportTable table, string fileName, bool xlsx) : IActionResult
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static ExportResult Xlsx(ExportTable table, string fileName) => new(table, fileName, xlsx: true);

    public static ExportResult Csv(ExportTable table, string fileName) => new(table, fileName, xlsx: false);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        try
        {
            await WriteAsync(context.HttpContext.Response, context.HttpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-download: nothing to answer, and not a server error.
        }
    }

    private async Task WriteAsync(HttpResponse response, CancellationToken aborted)
    {
        response.ContentType = xlsx ? XlsxType : CsvType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        if (!xlsx)
        {
            await CoordinationExports.WriteCsvAsync(table, response.Body, aborted);
            return;
        }

        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await CoordinationExports.WriteXlsxAsync(table, file, aborted);
        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, aborted);
    }
}
