using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>The team's side of the panel: the published result, its answers to the recommendations and their follow-up.</summary>
[Authorize]
[Route("proyectos/{projectId:int}/mesa")]
public class PanelTeamController(PanelAccess access, PanelQueries queries, PanelService panel, ProjectAccess projects) : Controller
{
    /// <summary>The team's menu entry: their own project's panel page.</summary>
    [HttpGet("/mesa-de-expertos")]
    public async Task<IActionResult> Mine()
    {
        var ids = User.IsInRole(Roles.MunicipalTeam) ? await projects.MemberProjectIdsAsync(User) : [];
        return ids.Count == 0 ? NotFound() : RedirectToAction(nameof(Index), new { projectId = ids.Max() });
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId)
    {
        // 404 rather than 403: experts and other teams must not learn which project ids exist.
        if (!await access.MayReadResultAsync(User, projectId))
        {
            return NotFound();
        }

        var model = await queries.TeamViewAsync(projectId, await access.MayAnswerAsync(User, projectId));
        return model is null ? NotFound() : View("Team", model);
    }

    [HttpPost("recomendaciones/{recommendationId:int}/respuesta")]
    public async Task<IActionResult> Respond(int projectId, int recommendationId, ResponseForm form)
    {
        if (!await access.MayReadResultAsync(User, projectId))
        {
            return NotFound();
        }

        if (!await access.MayAnswerAsync(User, projectId))
        {
            return Forbid();
        }

        var outcome = ModelState.IsValid ? await panel.RespondAsync(User, projectId, recommendationId, form) : CommandResult.Fail("Revisá la respuesta a la recomendación.");
        if (outcome.Succeeded)
        {
            TempData["Message"] = "Guardamos la respuesta del equipo a la recomendación.";
            return Redirect(Url.Action(nameof(Index), new { projectId }) + $"#recomendacion-{recommendationId}");
        }

        foreach (var (key, message) in outcome.FieldErrors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(key, message);
        }

        ModelState.AddModelError("", outcome.Error!);
        ViewData["FailedRecommendation"] = recommendationId;
        ViewData["FailedForm"] = form;
        var model = await queries.TeamViewAsync(projectId, mayAnswer: true);
        return model is null ? NotFound() : View("Team", model);
    }
}
