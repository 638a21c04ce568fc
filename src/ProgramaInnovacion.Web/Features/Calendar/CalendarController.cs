using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Calendar;

[Authorize]
[Route("calendario")]
public class CalendarController(CalendarSessions sessions, CalendarFeed feed) : Controller
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
        var form = await sessions.GetFormAsync(id);
        return form is null ? NotFound() : View("Form", await FormPageAsync(id, form));
    }

    [Authorize(Policy = Policies.Coordination)]
    [HttpPost("{id:int}/editar")]
    public async Task<IActionResult> Edit(int id, SessionForm form) =>
        await sessions.ExistsAsync(id) ? await SaveAsync(id, form) : NotFound();

    [Authorize(Policy = Policies.Coordination)]
    [HttpPost("{id:int}/eliminar")]
    public async Task<IActionResult> Delete(int id)
    {
        if (!await sessions.DeleteAsync(id, User))
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
    public async Task<IActionResult> Ics(string token)
    {
        var ics = await feed.RenderAsync(token);
        Response.Headers.CacheControl = "no-store"; // the URL is the credential: no shared cache keeps what it opens
        return ics is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "programa-innovacion.ics");
    }

    private string FeedUrl(string token) => Url.AbsoluteAction(nameof(Ics), "Calendar", new { token });

    private async Task<IActionResult> SaveAsync(int? id, SessionForm form)
    {
        foreach (var (field, message) in await sessions.ValidateAsync(form))
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
        new() { SessionId = id, Form = form, Editions = await sessions.EditionsAsync() };
}
