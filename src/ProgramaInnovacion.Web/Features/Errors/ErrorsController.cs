using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ProgramaInnovacion.Web.Features.Errors;

/// <summary>Spanish pages for 403, 404 and unexpected errors (re-executed by the pipeline).</summary>
[AllowAnonymous]
// Re-executed for failed POSTs too (e.g. a missing antiforgery token): must not validate again.
[IgnoreAntiforgeryToken]
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public class ErrorsController : Controller
{
    [Route("")]
    public IActionResult Unexpected()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Status", StatusCodes.Status500InternalServerError);
    }

    [Route("{code:int}")]
    public IActionResult Status(int code) => View("Status", code);
}
