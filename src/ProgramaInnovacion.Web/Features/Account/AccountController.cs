using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Email;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Account;

[Authorize]
[Route("cuenta")]
public class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IEmailSender email,
    AccountCommands account,
    ILogger<AccountController> logger) : Controller
{
    private const string InvalidLogin = "El correo o la contraseña no son correctos.";

    [AllowAnonymous]
    [HttpGet("ingresar")]
    public IActionResult Login(string? returnUrl = null) =>
        User.Identity?.IsAuthenticated == true
            ? LocalRedirect(SafeReturnUrl(returnUrl))
            : View(new LoginViewModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("ingresar")]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email.Trim());
        if (user is null || !user.IsActive)
        {
            await account.SignInFailedAsync(user, "cuenta desactivada");
            ModelState.AddModelError(string.Empty, InvalidLogin);
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorController.SignInCode), "TwoFactor", new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Ingreso de la cuenta {UserId}", user.Id);
            await account.SignedInAsync(user);
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        await account.SignInFailedAsync(user, result.IsLockedOut ? "cuenta bloqueada por intentos fallidos" : "contraseña incorrecta");
        if (result.IsLockedOut)
        {
            logger.LogWarning("Cuenta {UserId} bloqueada por intentos fallidos", user.Id);
            ModelState.AddModelError(string.Empty, "Tu cuenta quedó bloqueada por 15 minutos después de 5 intentos fallidos. Esperá o restablecé tu contraseña.");
        }
        else
        {
            ModelState.AddModelError(string.Empty, InvalidLogin);
        }

        return View(model);
    }

    [HttpPost("salir")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [AllowAnonymous]
    [HttpGet("olvide-mi-contrasena")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost("olvide-mi-contrasena")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        // The answer is the same whether or not the account exists, so nobody can probe e-mails.
        var user = await users.FindByEmailAsync(model.Email.Trim());
        if (user is { IsActive: true, Email: not null })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = Url.AbsoluteAction(nameof(ResetPassword), "Account", new { code, email = user.Email });
            await email.SendAsync(new EmailMessage(
                user.Email,
                "Restablecer tu contraseña del Programa de Innovación",
                $"Hola, {user.DisplayName}:\n\nRecibimos un pedido para restablecer tu contraseña. Para elegir una nueva, abrí este enlace (vale por 24 horas):\n\n{link}\n\nSi no lo pediste, ignorá este mensaje: tu contraseña no cambia.\n\nPrograma de Innovación para la Transformación Digital – RIL"));
        }

        return RedirectToAction(nameof(ForgotPasswordSent));
    }

    [AllowAnonymous]
    [HttpGet("olvide-mi-contrasena/enviado")]
    public IActionResult ForgotPasswordSent() => View();

    [AllowAnonymous]
    [HttpGet("restablecer-contrasena")]
    public IActionResult ResetPassword(string? code = null, string? email = null) =>
        string.IsNullOrEmpty(code)
            ? View("ResetPasswordInvalid")
            : View(new ResetPasswordViewModel { Code = code, Email = email ?? "" });

    [AllowAnonymous]
    [HttpPost("restablecer-contrasena")]
    public async Task<IActionResult> ResetPassword(ResetPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email.Trim());
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(model.Code));
        }
        catch (FormatException)
        {
            return View("ResetPasswordInvalid");
        }

        if (user is null)
        {
            ModelState.AddModelError(string.Empty, "El enlace no es válido o ya venció. Pedí uno nuevo.");
            return View(model);
        }

        var result = await account.ResetPasswordAsync(user, token, model.Password);
        if (result.Succeeded)
        {
            TempData["Message"] = "Tu contraseña se cambió. Ya podés ingresar con la nueva.";
            return RedirectToAction(nameof(Login));
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(model.Password) : string.Empty, error.Description);
        }

        return View(model);
    }

    [HttpGet("cambiar-contrasena")]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost("cambiar-contrasena")]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await account.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword, User);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword);
                ModelState.AddModelError(field, error.Description);
            }

            return View(model);
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Tu contraseña se cambió.";
        return Redirect("/");
    }

    [AllowAnonymous]
    [HttpGet("acceso-denegado")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
