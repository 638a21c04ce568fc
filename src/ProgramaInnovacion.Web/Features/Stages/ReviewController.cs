using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <summary>Coordinators: the review queue, the review page and the stage transitions only they make.</summary>
[Authorize(Policy = Policies.Coordination)]
public class ReviewController(IAuthorizationService authorization, StageQueries queries, StageCommands commands, CoordinationScope scope) : Controller
{
    [HttpGet("revision")]
    public async Task<IActionResult> Queue(int pagina = 1) => View("Queue", await queries.ReviewQueueAsync(await scope.EditionIdsAsync(User), pagina));

    private async Task<StageInfo?> ReviewableStageAsync(int id, string key) =>
        (await authorization.AuthorizeAsync(User, new ProjectResource(id), ProjectOperation.Review)).Succeeded
            ? await queries.GetStageAsync(id, key)
            : null;

    [HttpGet("proyectos/{id:int}/etapas/{key}/revision")]
    public async Task<IActionResult> Review(int id, string key)
    {
        var stage = await ReviewableStageAsync(id, key);
        return stage is null ? NotFound() : View("Review", await queries.ReviewAsync(stage));
    }

    [HttpPost("proyectos/{id:int}/etapas/{key}/revision/aprobar")]
    public Task<IActionResult> Approve(int id, string key, string? comentario, int? version) =>
        TransitionAsync(id, key, StageAction.Approve, comentario, version, review: true, $"Aprobaste la etapa. La siguiente quedó disponible para el equipo.");

    [HttpPost("proyectos/{id:int}/etapas/{key}/revision/solicitar-cambios")]
    public Task<IActionResult> RequestChanges(int id, string key, string? comentario, int? version) =>
        TransitionAsync(id, key, StageAction.RequestChanges, comentario, version, review: true, "Pediste cambios; el equipo ve tu comentario en la etapa.");

    [HttpPost("proyectos/{id:int}/etapas/{key}/desbloquear")]
    public Task<IActionResult> Unlock(int id, string key, string? motivo, int? version) =>
        TransitionAsync(id, key, StageAction.Unlock, motivo, version, review: false, "La etapa quedó disponible para el equipo.");

    [HttpPost("proyectos/{id:int}/etapas/{key}/reabrir")]
    public Task<IActionResult> Reopen(int id, string key, string? motivo, int? version) =>
        TransitionAsync(id, key, StageAction.Reopen, motivo, version, review: false, "La etapa quedó reabierta: el equipo puede volver a editarla.");

    /// <param name="version">The stage version the coordinator's page showed (a hidden field).</param>
    private async Task<IActionResult> TransitionAsync(int id, string key, StageAction action, string? comment, int? version, bool review, string done)
    {
        var stage = await ReviewableStageAsync(id, key);
        if (stage is null)
        {
            return NotFound();
        }

        var result = await commands.CoordinateAsync(stage, action, comment, User, version);
        if (!result.Allowed)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            // Shown as it is now (another coordinator may have just changed it), with its current version.
            stage = await queries.GetStageAsync(id, key) ?? stage;
            if (review)
            {
                return View("Review", await queries.ReviewAsync(stage, comment ?? "", result.Error));
            }

            var canEdit = (await authorization.AuthorizeAsync(User, new ProjectResource(id), ProjectOperation.Edit)).Succeeded;
            return View("Stage", new StagePageViewModel
            {
                Stage = stage,
                Permissions = new StagePermissions(canEdit, CanReview: true),
                Content = Core.Deliverables.DeliverableContent.Parse(stage.ContentJson).Root,
                Version = stage.Version,
                CoordinatorError = result.Error,
                CoordinatorReason = comment ?? "",
            });
        }

        TempData["Message"] = done;
        return Redirect(review ? "/revision" : stage.Url);
    }
}
