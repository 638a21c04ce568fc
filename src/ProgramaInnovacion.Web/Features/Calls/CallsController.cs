using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Calls;

/// <summary>The coordination's side of a call: its dates and the applications received.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("admin/ediciones/{id:int}/convocatoria")]
[CoordinationScope("id", ScopedBy.Edition)]
public class CallsController(CallService calls) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id)
    {
        var page = await calls.AdminPageAsync(id);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("")]
    public async Task<IActionResult> Schedule(int id, [Bind(Prefix = "Form")] CallScheduleForm form)
    {
        if (ModelState.IsValid)
        {
            var result = await calls.ScheduleAsync(id, form, User);
            if (result.Succeeded)
            {
                TempData["Message"] = "Guardamos las fechas de la convocatoria.";
                return RedirectToAction(nameof(Index), new { id });
            }

            AddErrors(result);
        }

        var page = await calls.AdminPageAsync(id, form);
        return page is null ? NotFound() : View(nameof(Index), page);
    }

    [HttpGet("postulaciones/{applicationId:int}/carta")]
    public async Task<IActionResult> Letter(int id, int applicationId)
    {
        if (await calls.LetterAsync(id, applicationId) is not { } letter)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(letter.Content, letter.ContentType, letter.FileName);
    }

    private void AddErrors(CommandResult result)
    {
        foreach (var (field, message) in result.FieldErrors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError("Form." + field, message);
        }

        if (result.FieldErrors is null)
        {
            ModelState.AddModelError("", result.Error!);
        }
    }
}
