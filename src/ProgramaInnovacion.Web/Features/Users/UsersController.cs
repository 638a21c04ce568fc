using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Users;

[Authorize(Policy = Policies.Administration)]
[Route("admin/usuarios")]
public class UsersController(UserAdministration admin) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await admin.ListAsync());

    [HttpGet("invitar")]
    public async Task<IActionResult> Invite() => View(await admin.FormPageAsync(new InviteUserForm(), null, null, true));

    [HttpPost("invitar")]
    public async Task<IActionResult> Invite(InviteUserForm form)
    {
        await AddErrorsAsync(form);
        if (ModelState.IsValid)
        {
            var invited = await admin.InviteAsync(form, User, InvitationLink);
            if (invited.Value is { } user)
            {
                TempData["Message"] = $"Enviamos la invitación a {user.Email}. El enlace vale por 7 días.";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError("Form." + nameof(form.Email), invited.Error!);
        }

        return View(await admin.FormPageAsync(form, null, null, true));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var stored = await admin.GetFormAsync(id);
        return stored is null ? NotFound() : View(await admin.FormPageAsync(stored.Form, id, stored.Email, stored.IsActive, stored.Memberships));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, EditUserForm form)
    {
        await AddErrorsAsync(form);
        if (ModelState.IsValid)
        {
            var result = await admin.UpdateAsync(id, form, User);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Message"] = "Guardamos los cambios de la cuenta.";
                return RedirectToAction(nameof(Index));
            }

            foreach (var (field, message) in result.FieldErrors ?? new Dictionary<string, string> { [""] = result.Error! })
            {
                ModelState.AddModelError(field.Length == 0 ? "" : "Form." + field, message);
            }
        }

        var stored = await admin.GetFormAsync(id);
        return stored is null ? NotFound() : View(await admin.FormPageAsync(form, id, stored.Email, stored.IsActive, stored.Memberships));
    }

    [HttpPost("{id}/reenviar")]
    public async Task<IActionResult> Resend(string id)
    {
        if (!await admin.ResendAsync(id, User, InvitationLink))
        {
            return NotFound();
        }

        TempData["Message"] = "Enviamos una invitación nueva; el enlace anterior ya no sirve.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/desactivar")]
    public Task<IActionResult> Deactivate(string id) => SetActive(id, false);

    [HttpPost("{id}/reactivar")]
    public Task<IActionResult> Reactivate(string id) => SetActive(id, true);

    private async Task<IActionResult> SetActive(string id, bool active)
    {
        var error = (await admin.SetActiveAsync(id, active, User)).Error;
        TempData[error is null ? "Message" : "Error"] = error ?? (active ? "La cuenta quedó activa de nuevo." : "La cuenta quedó desactivada y sus sesiones abiertas se cerraron.");
        return RedirectToAction(nameof(Index));
    }

    private async Task AddErrorsAsync(UserFormBase form)
    {
        foreach (var (field, message) in await admin.ValidateAsync(form))
        {
            ModelState.AddModelError("Form." + field, message);
        }
    }

    private string InvitationLink(string token) => Url.AbsoluteAction("Accept", "Invitations", new { token });
}
