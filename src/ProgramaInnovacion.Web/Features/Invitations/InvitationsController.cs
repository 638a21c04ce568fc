using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Users;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.Web.Features.Invitations;

/// <summary>Where an invited person sets their password with the link from the e-mail.</summary>
[AllowAnonymous]
[Route("invitacion")]
public class InvitationsController(UserAdministration admin, SignInManager<AppUser> signIn) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Accept(string token)
    {
        var invitation = await admin.FindUsableAsync(token);
        return invitation is null
            ? Invalid()
            : View(new AcceptInvitationViewModel(token, invitation.User.Email ?? "", new AcceptInvitationForm { DisplayName = invitation.User.DisplayName }));
    }

    [HttpPost("{token}")]
    [RateLimited(RateLimit.Invitation)]
    public async Task<IActionResult> Accept(string token, [Bind(Prefix = "Form")] AcceptInvitationForm form)
    {
        var invitation = await admin.FindUsableAsync(token);
        if (invitation is null)
        {
            return Invalid();
        }

        if (ModelState.IsValid)
        {
            var result = await admin.AcceptAsync(invitation, form);
            if (result.Succeeded)
            {
                if (!invitation.User.IsActive)
                {
                    TempData["Message"] = "Tu contraseña quedó guardada, pero la cuenta está desactivada. Consultá a la coordinación.";
                    return Redirect("/cuenta/ingresar");
                }

                await signIn.SignInAsync(invitation.User, isPersistent: false);
                TempData["Message"] = "¡Bienvenida/o! Tu cuenta quedó activa.";
                return Redirect("/");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Form." + nameof(form.Password), error.Description);
            }
        }

        return View(new AcceptInvitationViewModel(token, invitation.User.Email ?? "", form));
    }

    private ViewResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Invalid");
    }
}
