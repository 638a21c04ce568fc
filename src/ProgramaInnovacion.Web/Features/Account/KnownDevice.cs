using Microsoft.AspNetCore.DataProtection;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>
/// A browser that has signed in to an account before (OWASP's "device cookie"): a protected,
/// HttpOnly cookie naming the accounts (normalised e-mails, at most five) that signed in from it.
/// Its sign-in attempts count in a bucket of their own, so someone hammering an administrator's
/// e-mail from elsewhere fills only the "other devices" bucket and never keeps the administrator out.
/// </summary>
public sealed class KnownDevice(IDataProtectionProvider protection)
{
    private const string CookieName = "programa.dispositivo";
    private const int MaxAccounts = 5;
    private readonly IDataProtector protector = protection.CreateProtector("ProgramaInnovacion.KnownDevice");

    public bool IsKnown(HttpContext context, string normalizedEmail) =>
        normalizedEmail.Length > 0 && Accounts(context).Contains(normalizedEmail);

    /// <summary>After a successful sign-in (password, and code when asked): this browser is known for the account.</summary>
    public void Remember(HttpContext context, string? email)
    {
        var normalized = RateLimitSetup.Normalize(email);
        if (normalized.Length == 0)
        {
            return;
        }

        var accounts = Accounts(context).Where(a => a != normalized).Prepend(normalized).Take(MaxAccounts);
        context.Response.Cookies.Append(CookieName, protector.Protect(string.Join('\n', accounts)), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Path = "/cuenta",
            MaxAge = TimeSpan.FromDays(180),
        });
    }

    private List<string> Accounts(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            return [.. protector.Unprotect(value).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return []; // forged or from other keys: an unknown device
        }
    }
}
