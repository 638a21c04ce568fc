using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>The coordination's side of the panel: assignments, summary, ranking, export, publication, follow-up and closing.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("coordinacion/panel")]
[CoordinationScope("projectId", ScopedBy.Project)]
public class PanelCoordinationController(PanelQueries queries, PanelService panel, PanelExport export, TimeProvider time, CoordinationScope scope) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Coordination", await queries.CoordinatorOverviewAsync(await scope.EditionIdsAsync(User)));

    [HttpGet("exportar")]
    public async Task<IActionResult> Export()
    {
        // The date the coordinator reads on their calendar, not UTC's (which runs three hours ahead).
        var date = ArgentinaClock.ToLocal(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(await export.WorkbookAsync(await scope.EditionIdsAsync(User)), PanelExport.ContentType, $"mesa-de-expertos-{date}.xlsx");
    }

    [HttpGet("proyectos/{projectId:int}")]
    public async Task<IActionResult> Summary(int projectId)
    {
        var model = await queries.SummaryAsync(projectId);
        return model is null ? NotFound() : View("Summary", model);
    }

    [HttpGet("proyectos/{projectId:int}/imprimir")]
    public async Task<IActionResult> Print(int projectId)
    {
        var model = await PanelController.PrintModelAsync(queries, projectId, Url.Action(nameof(Summary), new { projectId })!, StageUrls.Attachment);
        return model is null ? NotFound() : View("Print", model);
    }

    [HttpPost("proyectos/{projectId:int}/asignaciones")]
    public async Task<IActionResult> Assign(int projectId, AssignForm form)
    {
        var outcome = await panel.AssignAsync(User, projectId, form.ExpertId);
        return Done(outcome, "Asignamos a la persona experta y le enviamos un correo.", nameof(Index), null);
    }

    [HttpPost("proyectos/{projectId:int}/asignaciones/{assignmentId:int}/quitar")]
    public async Task<IActionResult> Unassign(int projectId, int assignmentId) =>
        Done(await panel.UnassignAsync(User, projectId, assignmentId), "Quitamos la asignación.", nameof(Index), null);

    [HttpPost("proyectos/{projectId:int}/asignaciones/{assignmentId:int}/reabrir")]
    public async Task<IActionResult> Reopen(int projectId, int assignmentId) =>
        Done(await panel.ReopenAsync(User, projectId, assignmentId), "Reabrimos la evaluación: la persona experta puede volver a editarla.", nameof(Summary), projectId);

    [HttpPost("proyectos/{projectId:int}/publicar")]
    public async Task<IActionResult> Publish(int projectId, bool confirmado = false)
    {
        if (!confirmado)
        {
            // The team reads it at once and it cannot be taken back: a second look, naming who has not sent an evaluation.
            var summary = await queries.SummaryAsync(projectId);
            if (summary is null)
            {
                return NotFound();
            }

            var missing = summary.Assignments.Where(a => !a.Submitted).Select(a => $"{a.ExpertName}: {a.EvaluationText.ToLowerInvariant()}").ToList();
            var submitted = summary.Assignments.Count - missing.Count;
            var message = missing.Count == 0
                ? $"Vas a publicar al equipo de {summary.Project.Municipality} el resultado de las {submitted} evaluaciones enviadas. El equipo lo verá enseguida y no se puede despublicar."
                : $"Atención: solo {(submitted == 1 ? "1 de" : $"{submitted} de")} {summary.Assignments.Count} expertos asignados enviaron su evaluación. Si publicás ahora, el equipo verá el resultado sin las evaluaciones que faltan, y no se puede despublicar. Faltan:";
            return View(ConfirmStepViewModel.View, new ConfirmStepViewModel("Confirmá la publicación del resultado", message, missing, Request.Path, [],
                new ConfirmButton(missing.Count == 0 ? "Sí, publicar el resultado al equipo" : "Publicar igual"), null, Url.Action(nameof(Summary), new { projectId })!));
        }

        return Done(await panel.PublishAsync(User, projectId), "Publicamos el resultado de la mesa al equipo.", nameof(Summary), projectId);
    }

    [HttpPost("proyectos/{projectId:int}/cerrar")]
    public async Task<IActionResult> Close(int projectId) =>
        Done(await panel.CloseAsync(User, projectId), "Cerramos la mesa: la etapa «Mesa de expertos» quedó aprobada.", nameof(Summary), projectId);

    [HttpPost("proyectos/{projectId:int}/recomendaciones/{recommendationId:int}/seguimiento")]
    public async Task<IActionResult> FollowUp(int projectId, int recommendationId, FollowUpForm form) =>
        Done(ModelState.IsValid ? await panel.FollowUpAsync(User, projectId, recommendationId, form) : CommandResult.Fail("Revisá el seguimiento."),
            "Guardamos el seguimiento de la recomendación.", nameof(Summary), projectId);

    private RedirectToActionResult Done(CommandResult outcome, string message, string action, int? projectId)
    {
        TempData[outcome.Succeeded ? "Message" : "PanelError"] = outcome.Succeeded ? message : outcome.Error;
        return RedirectToAction(action, projectId is null ? null : new { projectId });
    }
}
