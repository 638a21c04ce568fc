using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.Web.Features.Errors;

/// <summary>Spanish pages for 403, 404, 429 and unexpected errors (re-executed by the pipeline).</summary>
[AllowAnonymous]
// Re-executed for failed POSTs too (e.g. a missing antiforgery token): must not validate again.
[IgnoreAntiforgeryToken]
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public class ErrorsController(TimeProvider time) : Controller
{
    [Route("")]
    public IActionResult Unexpected()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Status", StatusCodes.Status500InternalServerError);
    }

    [Route("{code:int}")]
    public IActionResult Status(int code) => code == StatusCodes.Status429TooManyRequests ? TooManyRequests() : View("Status", code);

    /// <summary>The rate limiter's refusal: when to try again, in minutes and as Argentina's clock time.</summary>
    private ViewResult TooManyRequests()
    {
        var seconds = HttpContext.Items[RateLimitSetup.RetryAfterKey] as int? ?? 60;
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        var at = ArgentinaTime.ToLocal(time.GetUtcNow().UtcDateTime.AddSeconds(seconds));
        ViewData["RetryAfter"] = $"Por seguridad, esperá {(minutes == 1 ? "un minuto" : $"{minutes} minutos")} y volvé a intentar (a partir de las {at:HH:mm}).";
        return View("Status", StatusCodes.Status429TooManyRequests);
    }
}
