using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure.Links;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.Web.Features.Calendar;

[Authorize]
[Route("calendario")]
public class CalendarController(CalendarSessions sessions, CalendarFeed feed, SessionAttendanceSheet attendance, CoordinationScope scope) : Controller
{
    /// <summary>List view, or the month view with ?mes=2021-07.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? mes)
    {
        if (mes is null)
        {
            return View(await sessions.ListAsync(User));
        }

        if (!DateOnly.TryParseExact(mes + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || month.Year < 2000 || month.Year > 2100)
        {
            TempData["Message"] = "El mes indicado no es válido; te mostramos la lista de sesiones.";
            return RedirectToAction(nameof(Index), new { mes = (string?)null });
        }

        return View("Month", await sessions.MonthAsync(User, month.Year, month.Month));
    }

    [Authorize(Policy = Policies.Coordination)]
    [HttpGet("nueva")]
    public async Task<IActionResult> Create() => View("Form", await FormPageAsync(null, new SessionForm()));

    [Authorize(Policy = Policies.Coordination)]
    [HttpPost("nueva")]
    public async Task<IActionResult> Create(SessionForm form) => await SaveAsync(null, form);

    [Authorize(Policy = Policies.Coordination)]
    [HttpGet("{id:int}/editar")]
    public async Task<IActionResult> Edit(int id)
    {
        var form = await MayManageAsync(id) ? await sessions.GetFormAsync(id) : null;
        return form is null ? NotFound() : View("Form", await FormPageAsync(id, form));
    }

    [Authorize(Policy = Policies.Coordination)]
    [HttpPost("{id:int}/editar")]
    public async Task<IActionResult> Edit(int id, SessionForm form) =>
        await MayManageAsync(id) ? await SaveAsync(id, form) : NotFound();

    [Authorize(Policy = Policies.Coordination)]
    [HttpPost("{id:int}/eliminar")]
    public async Task<IActionResult> Delete(int id)
    {
        if (!await MayManageAsync(id) || !await sessions.DeleteAsync(id, User))
        {
            return NotFound();
        }

        TempData["Message"] = "Sesión eliminada del calendario.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("suscripcion")]
    public async Task<IActionResult> Subscription()
    {
        var token = TempData["FeedToken"] as string;
        return View(await feed.StatusAsync(User, token is null ? null : FeedUrl(token)));
    }

    [HttpPost("suscripcion/generar")]
    public async Task<IActionResult> Regenerate()
    {
        TempData["FeedToken"] = await feed.RegenerateAsync(User);
        return RedirectToAction(nameof(Subscription));
    }

    [HttpPost("suscripcion/revocar")]
    public async Task<IActionResult> Revoke()
    {
        await feed.RevokeAsync(User);
        TempData["Message"] = "Revocaste el enlace: los calendarios suscritos dejan de actualizarse.";
        return RedirectToAction(nameof(Subscription));
    }

    /// <summary>The private feed calendar apps poll; the secret token is the only credential.</summary>
    [AllowAnonymous]
    [HttpGet("ics/{token}.ics")]
    [RateLimited(RateLimit.CalendarFeed)]
    public async Task<IActionResult> Ics(string token)
    {
        var ics = await feed.RenderAsync(token);
        Response.Headers.CacheControl = "no-store"; // the URL is the credential: no shared cache keeps what it opens
        return ics is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "programa-innovacion.ics");
    }

    private string FeedUrl(string token) => Url.AbsoluteAction(nameof(Ics), "Calendar", new { token });

    private async Task<IActionResult> SaveAsync(int? id, SessionForm form)
    {
        foreach (var (field, message) in await sessions.ValidateAsync(form, await scope.EditionIdsAsync(User)))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return View("Form", await FormPageAsync(id, form));
        }

        await sessions.SaveAsync(id, form, User);
        TempData["Message"] = id is null ? "Sesión agregada al calendario." : "Guardaste los cambios de la sesión.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<SessionFormViewModel> FormPageAsync(int? id, SessionForm form) =>
        await sessions.FormPageAsync(id, form, await scope.EditionIdsAsync(User));

    /// <summary>The session exists and is of an edition the person coordinates.</summary>
    private async Task<bool> MayManageAsync(int id) =>
        await sessions.EditionOfAsync(id) is { } editionId && await scope.MayCoordinateEditionAsync(User, editionId);

    /// <summary>The attendance sheet: who of each invited team and which specialists took part.</summary>
    [Authorize(Policy = Policies.Coordination)]
    [HttpGet("{id:int}/asistencia")]
    public async Task<IActionResult> Attendance(int id)
    {
        var model = await MayManageAsync(id) ? await attendance.SheetAsync(id) : null;
        return model is null ? NotFound() : View("Attendance", model);
    }

    [Authorize(Policy = Policies.Coordination)]
    [HttpPost("{id:int}/asistencia")]
    public async Task<IActionResult> Attendance(int id, List<string> presentes)
    {
        if (!await MayManageAsync(id))
        {
            return NotFound();
        }

        var filled = await attendance.RecordAsync(id, presentes, User);
        TempData["Message"] = filled == 0
            ? "Guardamos la asistencia."
            : $"Guardamos la asistencia y sumamos los especialistas al campo «Especialistas que participaron» de la etapa de ideación de {(filled == 1 ? "1 equipo" : $"{filled} equipos")}.";
        return RedirectToAction(nameof(Attendance), new { id });
    }
}
