using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Mentors;

/// <summary>The coordination assigns mentors (specialists of the alliance) to the projects of its editions.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("coordinacion/mentores")]
public class MentorsController(MentorAssignments assignments, CoordinationScope scope) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await assignments.PageAsync(await scope.EditionIdsAsync(User)));

    [HttpPost("")]
    public async Task<IActionResult> Assign([Bind(Prefix = "Form")] MentorAssignmentForm form)
    {
        if (form.ProjectId is { } projectId && !await scope.MayCoordinateProjectAsync(User, projectId))
        {
            return NotFound();
        }

        var errors = await assignments.AssignAsync(form, User);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await assignments.PageAsync(await scope.EditionIdsAsync(User), form, errors));
        }

        TempData["Message"] = "Asignamos el mentor al proyecto: ya lo ve en su inicio.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{assignmentId:int}/quitar")]
    public async Task<IActionResult> Unassign(int assignmentId)
    {
        if (!await assignments.UnassignAsync(assignmentId, await scope.EditionIdsAsync(User), User))
        {
            return NotFound();
        }

        TempData["Message"] = "Quitamos la asignación del mentor.";
        return RedirectToAction(nameof(Index));
    }
}
