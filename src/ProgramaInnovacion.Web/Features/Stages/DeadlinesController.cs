using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <summary>Coordinators set the due date of each stage of an edition (Argentina time in, UTC stored).</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("coordinacion/vencimientos")]
public class DeadlinesController(StageQueries queries, StageCommands commands, CoordinationScope scope) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edicion)
    {
        var model = await queries.DeadlinesAsync(edicion, await scope.EditionIdsAsync(User));
        return model is null ? NotFound() : View("Deadlines", model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(int edicion, List<DeadlineRow> etapas)
    {
        var model = await queries.DeadlinesAsync(edicion, await scope.EditionIdsAsync(User));
        if (model is null || model.EditionId != edicion)
        {
            return NotFound();
        }

        // Names come from the database, only the typed dates from the form.
        foreach (var row in model.Stages)
        {
            row.Due = etapas.FirstOrDefault(e => e.StageDefinitionId == row.StageDefinitionId)?.Due;
        }

        // A day that does not exist (2021-02-30T10:00) is named back with what was typed, before saving anything.
        foreach (var row in model.Stages.Where(r => !string.IsNullOrWhiteSpace(r.Due) && DeadlineText.FromInput(r.Due) is null))
        {
            row.Error = $"{Setup.SpanishModelBindingMessages.NoSuchDate(row.Due!.Trim())} Usá día, mes, año y hora.";
        }

        if (model.Stages.Any(r => r.Error is not null) || !await commands.SaveDeadlinesAsync(edicion, model.Stages, User))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Deadlines", model);
        }

        TempData["Message"] = "Vencimientos guardados.";
        return RedirectToAction(nameof(Index), new { edicion });
    }
}
