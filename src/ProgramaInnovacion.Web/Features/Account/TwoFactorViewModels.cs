using System.ComponentModel.DataAnnotations;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>The account's two-factor page: on or off, recovery codes left, and whether the role requires it.</summary>
public sealed record TwoFactorStatusViewModel(bool Enabled, int RecoveryCodesLeft, bool Required);

/// <summary>Enrolment: the QR code and the key for the app, and the first code it shows (posted as a TwoFactorCodeForm).</summary>
public sealed class TwoFactorEnableViewModel
{
    public string Key { get; set; } = "";

    public string QrDataUri { get; set; } = "";

    public bool Required { get; set; }

    [Required(ErrorMessage = "Escribí el código de 6 dígitos que muestra la aplicación.")]
    [StringLength(20, ErrorMessage = "El código tiene 6 dígitos.")]
    [Display(Name = "Código de verificación")]
    public string Code { get; set; } = "";
}

/// <summary>A code typed to turn two-factor sign-in on or off.</summary>
public sealed class TwoFactorCodeForm
{
    [Required(ErrorMessage = "Escribí el código de 6 dígitos que muestra la aplicación.")]
    [StringLength(20, ErrorMessage = "El código tiene 6 dígitos.")]
    [Display(Name = "Código de verificación")]
    public string Code { get; set; } = "";
}

/// <summary>The second step of signing in: a code of the app or one recovery code.</summary>
public sealed class SignInCodeViewModel
{
    [Required(ErrorMessage = "Escribí el código de la aplicación o uno de tus códigos de recuperación.")]
    [StringLength(40, ErrorMessage = "El código no es correcto.")]
    [Display(Name = "Código de verificación o de recuperación")]
    public string Code { get; set; } = "";

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
