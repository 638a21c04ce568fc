using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Library;

/// <summary>The case library: what each person may read of it is CaseReaders' one rule.</summary>
[Authorize]
[Route("biblioteca")]
public class LibraryController(CaseLibrary library) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CaseSearchQuery query)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited filter value: ignore the filters rather than fail.
            query = new CaseSearchQuery { Q = query.Q };
            ModelState.Clear();
        }

        return View(await library.SearchAsync(query, User));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var details = await library.GetAsync(id, User);
        return details is null ? NotFound() : View(details);
    }

    [HttpPost("{id:int}/agregar")]
    public async Task<IActionResult> AddToCaseStudy(int id)
    {
        var result = await library.AddToMyCaseStudyAsync(id, User);
        if (result is null)
        {
            return NotFound();
        }

        if (result is not { Value: { } added })
        {
            TempData["Error"] = result.Error;
            return RedirectToAction(nameof(Details), new { id });
        }

        TempData["Message"] = added.Message;
        return Redirect($"/proyectos/{added.ProjectId}/etapas/casos");
    }
}
