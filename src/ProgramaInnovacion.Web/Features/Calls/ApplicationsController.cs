using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ProgramaInnovacion.Web.Features.Calls;

/// <summary>
/// The municipality's side of a call, without an account: the call's page starts an application;
/// the private link (e-mailed to the contact) opens it for drafts and the submission.
/// </summary>
[AllowAnonymous]
public class ApplicationsController(CallService calls) : Controller
{
    [HttpGet("convocatorias/{id:int}")]
    public async Task<IActionResult> Call(int id)
    {
        var page = await calls.PublicPageAsync(id);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("convocatorias/{id:int}")]
    public async Task<IActionResult> Start(int id, [Bind(Prefix = "Form")] StartApplicationForm form)
    {
        if (ModelState.IsValid)
        {
            var result = await calls.StartAsync(id, form);
            if (result.Value is { } token)
            {
                TempData["Message"] = "Empezaste la postulación. Te enviamos por correo este enlace privado para volver a ella.";
                return Redirect(CallService.ApplicationPath(token));
            }

            foreach (var (field, message) in result.FieldErrors ?? new Dictionary<string, string>())
            {
                ModelState.AddModelError(field, message);
            }

            if (result.FieldErrors is null)
            {
                ModelState.AddModelError("", result.Error!);
            }
        }

        var page = await calls.PublicPageAsync(id, form);
        return page is null ? NotFound() : View(nameof(Call), page);
    }

    [HttpGet("postulaciones/{token}")]
    public async Task<IActionResult> Application(string token)
    {
        var page = await calls.GetAsync(token);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("postulaciones/{token}")]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Save(string token, [Bind(Prefix = "Form")] ApplicationForm form, IFormFile? letter)
    {
        if (ModelState.IsValid)
        {
            var result = await calls.SaveAsync(token, form, letter);
            if (result.Succeeded)
            {
                TempData["Message"] = form.Command == "enviar" ? "Enviamos la postulación. Te llegará un correo de confirmación." : "Guardamos el borrador de la postulación.";
                return Redirect(CallService.ApplicationPath(token));
            }

            foreach (var (field, message) in result.FieldErrors ?? new Dictionary<string, string>())
            {
                ModelState.AddModelError(field, message);
            }

            ModelState.AddModelError("", result.Error!);
        }

        var page = await calls.GetAsync(token, form);
        return page is null ? NotFound() : View(nameof(Application), page);
    }
}
