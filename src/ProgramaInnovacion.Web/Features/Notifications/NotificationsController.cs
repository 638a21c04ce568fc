using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Account;

namespace ProgramaInnovacion.Web.Features.Notifications;

/// <summary>A person's notifications and e-mail preferences; unsubscribing from an e-mail link; a project's delivery log.</summary>
[Authorize]
public class NotificationsController(NotificationQueries queries, UnsubscribeTokens tokens, IAuthorizationService authorization) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("avisos")]
    public async Task<IActionResult> Index() => View(await queries.ListAsync(UserId));

    [HttpPost("avisos/{id:int}/leida")]
    public async Task<IActionResult> MarkRead(int id)
    {
        await queries.MarkReadAsync(UserId, id);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("avisos/leidas")]
    public async Task<IActionResult> MarkAllRead()
    {
        var count = await queries.MarkAllReadAsync(UserId);
        TempData["Message"] = count == 0 ? "No había avisos sin leer." : count == 1 ? "Marcaste 1 aviso como leído." : $"Marcaste {count} avisos como leídos.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("avisos/preferencias")]
    public async Task<IActionResult> Preferences() => View(await queries.PreferencesAsync(UserId));

    [HttpPost("avisos/preferencias")]
    public async Task<IActionResult> Preferences(PreferencesViewModel model)
    {
        await queries.SavePreferencesAsync(User, model.Rows);
        TempData["Message"] = "Guardamos tus preferencias de correo.";
        return RedirectToAction(nameof(Preferences));
    }

    /// <summary>The link in every e-mail: a confirmation page (mail scanners open links; only the button changes anything).</summary>
    [AllowAnonymous]
    [HttpGet("avisos/baja")]
    public IActionResult Unsubscribe(string? t) =>
        tokens.Read(t) is { } target
            ? View(new UnsubscribeViewModel(t!, Core.Notifications.NotificationCategories.Name(target.Category), Done: false))
            : View("UnsubscribeInvalid");

    [AllowAnonymous]
    [HttpPost("avisos/baja")]
    public async Task<IActionResult> UnsubscribeConfirmed(string? t)
    {
        if (tokens.Read(t) is not { } target)
        {
            return View("UnsubscribeInvalid");
        }

        await queries.UnsubscribeAsync(target.UserId, target.Category);
        return View("Unsubscribe", new UnsubscribeViewModel(t!, Core.Notifications.NotificationCategories.Name(target.Category), Done: true));
    }

    [Authorize(Policy = Policies.Coordination)]
    [HttpGet("proyectos/{id:int}/correos")]
    public async Task<IActionResult> DeliveryLog(int id)
    {
        if (!(await authorization.AuthorizeAsync(User, new ProjectResource(id), ProjectOperation.Review)).Succeeded)
        {
            return NotFound();
        }

        var log = await queries.DeliveryLogAsync(id);
        return log is null ? NotFound() : View(log);
    }

    [Authorize(Policy = Policies.Coordination)]
    [HttpPost("proyectos/{id:int}/correos/{emailId:int}/reenviar")]
    public async Task<IActionResult> Resend(int id, int emailId)
    {
        if (!(await authorization.AuthorizeAsync(User, new ProjectResource(id), ProjectOperation.Review)).Succeeded
            || !await queries.ResendAsync(User, id, emailId))
        {
            return NotFound();
        }

        TempData["Message"] = "El correo quedó en cola para enviarse de nuevo.";
        return RedirectToAction(nameof(DeliveryLog), new { id });
    }
}

/// <summary>The bell in the header: a plain link whose accessible name says how many notices are unread.</summary>
public class NotificationBellViewComponent(NotificationQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // The session check already counted them in its command (SessionStampValidator).
        if (HttpContext.Features.Get<SessionCheck>() is { } session)
        {
            return View("_NotificationBell", session.UnreadNotifications);
        }

        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        return View("_NotificationBell", userId is null ? 0 : await queries.UnreadCountAsync(userId));
    }
}
