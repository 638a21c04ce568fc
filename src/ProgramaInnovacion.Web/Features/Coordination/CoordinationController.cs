using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Coordination;

[Authorize(Policy = Policies.Coordination)]
[Route("coordinacion")]
[CoordinationScope("edicion", ScopedBy.Edition)]
public class CoordinationController(DashboardQueries dashboard, CoordinationExports exports, CoordinationScope scope, ExportSlots slots) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edicion, string? etapa, StageState? estado, string? provincia, string? plazo, int pagina = 1)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited filter value (an unknown state, a page that is not a number): show the edition unfiltered.
            (estado, pagina) = (null, 1);
        }

        var model = await dashboard.BuildAsync(edicion, await scope.EditionIdsAsync(User), new MatrixFilter(etapa, estado, provincia, pagina, plazo is MatrixFilter.Overdue or MatrixFilter.DueSoon ? plazo : null));
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("exportar/progreso.xlsx")]
    public Task<IActionResult> ProgressXlsx(int? edicion) => Export(edicion, "avance", exports.ProgressAsync, xlsx: true);

    [HttpGet("exportar/progreso.csv")]
    public Task<IActionResult> ProgressCsv(int? edicion) => Export(edicion, "avance", exports.ProgressAsync, xlsx: false);

    [HttpGet("exportar/entregables.xlsx")]
    public Task<IActionResult> DeliverablesXlsx(int? edicion) => Export(edicion, "entregables", exports.DeliverablesAsync, xlsx: true);

    [HttpGet("exportar/entregables.csv")]
    public Task<IActionResult> DeliverablesCsv(int? edicion) => Export(edicion, "entregables", exports.DeliverablesAsync, xlsx: false);

    private async Task<IActionResult> Export(int? editionId, string name, Func<int, Task<ExportTable>> build, bool xlsx)
    {
        var editions = await dashboard.EditionsAsync(await scope.EditionIdsAsync(User));
        var edition = editionId is { } id ? editions.FirstOrDefault(e => e.Id == id) : editions.Count > 0 ? editions[0] : default;
        if (edition == default)
        {
            return NotFound();
        }

        // Freed when the request ends: the rows are produced while the response is written, after this action returns.
        var slot = await slots.EnterAsync(HttpContext.RequestAborted);
        if (slot is null)
        {
            Response.Headers.RetryAfter = "60";
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Response.RegisterForDispose(slot);
        var table = await build(edition.Id);
        var fileName = $"{name}-edicion-{edition.Id}.{(xlsx ? "xlsx" : "csv")}";
        return xlsx ? ExportResult.Xlsx(table, fileName) : ExportResult.Csv(table, fileName);
    }
}
