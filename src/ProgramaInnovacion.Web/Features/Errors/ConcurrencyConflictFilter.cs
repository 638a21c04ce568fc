using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace ProgramaInnovacion.Web.Features.Errors;

/// <summary>
/// Someone saved the same versioned row first (IVersioned) and the use case did not handle it
/// itself: nothing was written, so the person gets the Spanish conflict page (409) and can try
/// again, never an unexpected-error page.
/// </summary>
public sealed class ConcurrencyConflictFilter(ILogger<ConcurrencyConflictFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DbUpdateConcurrencyException)
        {
            return;
        }

        logger.LogInformation("Conflicto de concurrencia en {Path}: otra persona guardó antes.", context.HttpContext.Request.Path);
        // No body: the status-code pages re-execute /error/409, the Errors feature's own page.
        context.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
        context.ExceptionHandled = true;
    }
}
