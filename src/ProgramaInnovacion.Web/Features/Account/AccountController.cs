using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Infrastructure.Links;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.Web.Features.Account;

[Authorize]
[Route("cuenta")]
public class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    Outbox outbox,
    ProgramaInnovacion.Core.Data.AppDbContext db,
    AccountCommands account,
    KnownDevice devices,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>The one answer to every failed sign-in (unknown, inactive, locked or wrong password), so it reveals no account.</summary>
    private const string InvalidLogin = "El correo o la contraseña no son correctos. Si no recordás tu contraseña, restablecela.";

    [AllowAnonymous]
    [HttpGet("ingresar")]
    public IActionResult Login(string? returnUrl = null) =>
        User.Identity?.IsAuthenticated == true
            ? LocalRedirect(SafeReturnUrl(returnUrl))
            : View(new LoginViewModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("ingresar")]
    [RateLimited(RateLimit.SignIn)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        // Every failure costs one password-hash verification, like a wrong password does, so the
        // answer's timing does not tell an unknown, inactive or locked account from a real one.
        var user = await users.FindByEmailAsync(model.Email.Trim());
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            SignInTiming.VerifyAgainstDummyHash(model.Password);
            await account.SignInFailedAsync(user, user is null || !user.IsActive ? "cuenta desactivada" : "cuenta bloqueada por intentos fallidos");
            ModelState.AddModelError(string.Empty, InvalidLogin);
            return View(model);
        }

        // No lockout on passwords: the rate limit per account (RateLimitSetup) slows guessing, and a
        // lockout could be renewed forever by anyone who knows an administrator's e-mail.
        var result = await signIn.PasswordSignInAsync(user, model.Password, model.RememberMe, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorController.SignInCode), "TwoFactor", new { returnUrl = model.ReturnUrl, rememberMe = model.RememberMe });
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Ingreso de la cuenta {UserId}", user.Id);
            devices.Remember(HttpContext, user.Email);
            await account.SignedInAsync(user);
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        await account.SignInFailedAsync(user, "contraseña incorrecta");
        ModelState.AddModelError(string.Empty, InvalidLogin);
        return View(model);
    }

    [HttpPost("salir")]
    public async Task<IActionResult> Logout()
    {
        // A new stamp: a copy of this cookie (or any other session of the account) stops working too.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [AllowAnonymous]
    [HttpGet("olvide-mi-contrasena")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost("olvide-mi-contrasena")]
    [RateLimited(RateLimit.PasswordReset)]
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
            // Queued, not sent: the answer takes the same time whether the account exists or the mail server is up.
            await outbox.QueueAccountEmailAsync(user.Email, user.Id, user.DisplayName, "Restablecer tu contraseña del Programa de Innovación",
                "Recibimos un pedido para restablecer tu contraseña. Para elegir una nueva, abrí este enlace (vale por 24 horas).",
                "Elegir una contraseña nueva", link, "Si no lo pediste, ignorá este mensaje: tu contraseña no cambia.");
            await db.SaveChangesAsync();
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
    [RateLimited(RateLimit.PasswordReset)]
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
    [RateLimited(RateLimit.PasswordChange)]
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

        if (model.NewPassword == model.CurrentPassword)
        {
            ModelState.AddModelError(nameof(model.NewPassword), "La nueva contraseña tiene que ser distinta de la actual.");
            return View(model);
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
