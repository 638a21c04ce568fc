using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Selection;

/// <summary>The coordination scores, decides and confirms the selection of an edition's applications.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("admin/ediciones/{id:int}/seleccion")]
[CoordinationScope("id", ScopedBy.Edition)]
public class SelectionController(SelectionService selection) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id)
    {
        var page = await selection.PageAsync(id, UserId);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("criterios")]
    public async Task<IActionResult> Criteria(int id, string? criterios)
    {
        var outcome = await selection.SaveCriteriaAsync(id, criterios, User);
        if (!RefusedField(outcome))
        {
            return Done(outcome, "Guardamos los criterios de selección.", Url.Action(nameof(Index), new { id })!);
        }

        var page = await selection.PageAsync(id, UserId);
        return page is null ? NotFound() : View(nameof(Index), page with { CriteriaDraft = criterios ?? "" });
    }

    [HttpGet("postulaciones/{applicationId:int}")]
    public async Task<IActionResult> Application(int id, int applicationId)
    {
        var page = await selection.ApplicationAsync(id, applicationId, UserId);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("postulaciones/{applicationId:int}/puntajes")]
    public async Task<IActionResult> Score(int id, int applicationId, Dictionary<int, int?>? puntajes) =>
        Done(ModelState.IsValid ? await selection.ScoreAsync(id, applicationId, puntajes ?? [], User) : CommandResult.Fail($"Cada puntaje va de {ApplicationScore.Min} a {ApplicationScore.Max}."),
            "Guardamos tus puntajes.", Url.Action(nameof(Application), new { id, applicationId })!);

    [HttpPost("postulaciones/{applicationId:int}/decision")]
    public async Task<IActionResult> Decide(int id, int applicationId, SelectionDecision decision, string? justificacion)
    {
        var outcome = await selection.DecideAsync(id, applicationId, decision, justificacion, User);
        if (!RefusedField(outcome))
        {
            return Done(outcome, $"La postulación quedó {SelectionService.DecisionText(decision)}.", Url.Action(nameof(Application), new { id, applicationId })!);
        }

        var page = await selection.ApplicationAsync(id, applicationId, UserId);
        return page is null ? NotFound() : View(nameof(Application), page with { JustificationDraft = justificacion ?? "" });
    }

    /// <summary>A refusal about what was typed: the page comes back with the text and the error beside its field, not a redirect that loses it.</summary>
    private bool RefusedField(CommandResult outcome)
    {
        foreach (var (field, message) in outcome.FieldErrors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(field, message);
        }

        return !outcome.Succeeded && outcome.FieldErrors is { Count: > 0 };
    }

    [HttpPost("confirmar")]
    public async Task<IActionResult> Confirm(int id, bool confirmado = false)
    {
        if (!confirmado)
        {
            var page = await selection.PageAsync(id, UserId);
            if (page is null)
            {
                return NotFound();
            }

            var chosen = page.Rows.Where(r => r.Decision == SelectionDecision.Selected).Select(r => $"{r.Municipality}: {r.Justification}").ToList();
            var empty = page.Matrix.Count(c => !c.Covered);
            return View(ConfirmStepViewModel.View, new ConfirmStepViewModel("Confirmá la selección",
                $"Vas a crear los proyectos de {chosen.Count} municipios seleccionados e invitar a sus equipos; las {page.Rows.Count - chosen.Count} postulaciones restantes recibirán un correo de agradecimiento. La matriz de la selección deja {empty} celdas vacías. No se puede deshacer.",
                chosen, Request.Path, [], new ConfirmButton("Sí, confirmar la selección"), null, Url.Action(nameof(Index), new { id })!));
        }

        return Done(await selection.ConfirmAsync(id, User, token => Url.AbsoluteAction("Accept", "Invitations", new { token })),
            "Confirmamos la selección: se crearon los proyectos y enviamos las invitaciones.", Url.Action(nameof(Index), new { id })!);
    }

    private RedirectResult Done(CommandResult outcome, string message, string url)
    {
        TempData[outcome.Succeeded ? "Message" : "Error"] = outcome.Succeeded ? message : outcome.Error;
        return Redirect(url);
    }
}
