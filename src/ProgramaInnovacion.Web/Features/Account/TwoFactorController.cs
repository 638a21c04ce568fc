using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>Two-factor sign-in: the account page (enrol, recovery codes, turn off) and the sign-in step.</summary>
[Authorize]
[Route("cuenta/dos-pasos")]
public class TwoFactorController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    TwoFactorCommands twoFactor,
    AccountCommands account,
    KnownDevice devices,
    IOptions<TwoFactorOptions> options) : Controller
{
    private const string WrongCode = "El código no es correcto o ya venció. Escribí el que muestra ahora la aplicación.";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var enabled = await users.GetTwoFactorEnabledAsync(user);
        return View("TwoFactor", new TwoFactorStatusViewModel(enabled, enabled ? await users.CountRecoveryCodesAsync(user) : 0, options.Value.IsRequiredFor(User)));
    }

    [HttpGet("activar")]
    public async Task<IActionResult> Enable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return await users.GetTwoFactorEnabledAsync(user) ? RedirectToAction(nameof(Index)) : View("TwoFactorEnable", await EnableModelAsync(user, ""));
    }

    [HttpPost("activar")]
    public async Task<IActionResult> Enable(TwoFactorCodeForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(Index));
        }

        var codes = ModelState.IsValid ? await twoFactor.EnableAsync(user, form.Code, User) : null;
        if (codes is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(form.Code), WrongCode);
            }

            return View("TwoFactorEnable", await EnableModelAsync(user, ""));
        }

        // A new cookie carries the two-factor claim, so a required role reaches the portal at once.
        await signIn.RefreshSignInAsync(user);
        return RecoveryCodes(codes, "Activaste la verificación en dos pasos.");
    }

    [HttpPost("codigos")]
    public async Task<IActionResult> RenewRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(Index));
        }

        return RecoveryCodes(await twoFactor.RenewRecoveryCodesAsync(user, User), "Generaste códigos de recuperación nuevos: los anteriores ya no sirven.");
    }

    [HttpPost("desactivar")]
    public async Task<IActionResult> Disable(TwoFactorCodeForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (options.Value.IsRequiredFor(User))
        {
            TempData["Error"] = "Tu rol requiere la verificación en dos pasos: no se puede desactivar. Si cambiaste de teléfono, pedile a la administración que la restablezca.";
        }
        else if (!ModelState.IsValid || !await twoFactor.DisableAsync(user, form.Code, User))
        {
            TempData["Error"] = WrongCode;
        }
        else
        {
            await signIn.RefreshSignInAsync(user);
            TempData["Message"] = "Desactivaste la verificación en dos pasos.";
        }

        return RedirectToAction(nameof(Index));
    }

    [AllowAnonymous]
    [HttpGet("/cuenta/ingresar/codigo")]
    public async Task<IActionResult> SignInCode(string? returnUrl = null, bool rememberMe = false) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(AccountController.Login), "Account")
            : View("TwoFactorSignIn", new SignInCodeViewModel { ReturnUrl = returnUrl, RememberMe = rememberMe });

    [AllowAnonymous]
    [HttpPost("/cuenta/ingresar/codigo")]
    [RateLimited(RateLimit.TwoFactor)]
    public async Task<IActionResult> SignInCode(SignInCodeViewModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The password step expired (or never happened): start again.
            return RedirectToAction(nameof(AccountController.Login), "Account");
        }

        if (!ModelState.IsValid)
        {
            return View("TwoFactorSignIn", model);
        }

        // Six digits are a code of the app; anything else is tried as a recovery code (used once).
        var code = TwoFactorCommands.Normalize(model.Code);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, model.RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(model.Code.Trim());
        if (result.Succeeded)
        {
            await account.SignedInAsync(user);
            devices.Remember(HttpContext, user.Email);
            return LocalRedirect(!string.IsNullOrEmpty(model.ReturnUrl) && Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/");
        }

        await account.SignInFailedAsync(user, result.IsLockedOut ? "cuenta bloqueada por intentos fallidos" : "código de verificación incorrecto");
        ModelState.AddModelError(nameof(model.Code), result.IsLockedOut
            ? "Tu cuenta quedó bloqueada por 15 minutos después de 5 intentos fallidos. Esperá o restablecé tu contraseña."
            : "El código no es correcto. Escribí el que muestra ahora la aplicación, o uno de tus códigos de recuperación.");
        return View("TwoFactorSignIn", model);
    }

    private ViewResult RecoveryCodes(IReadOnlyList<string> codes, string message)
    {
        // Shown once: never cached, never stored readable.
        Response.Headers.CacheControl = "no-store";
        ViewData["Message"] = message;
        return View("TwoFactorRecoveryCodes", codes);
    }

    private async Task<TwoFactorEnableViewModel> EnableModelAsync(AppUser user, string code)
    {
        var stamp = user.SecurityStamp;
        var (key, qr) = await twoFactor.EnrolmentAsync(user);
        if (user.SecurityStamp != stamp)
        {
            // A new key renews the security stamp, and every request checks it: this session carries the new one.
            await signIn.RefreshSignInAsync(user);
        }

        return new TwoFactorEnableViewModel { Key = key, QrDataUri = qr, Code = code, Required = options.Value.IsRequiredFor(User) };
    }
}
