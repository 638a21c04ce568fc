using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>
/// Checks every signed-in request against the account (ValidationInterval is zero): a cookie whose
/// security stamp is no longer the account's, or whose account was deactivated, is rejected at once
/// and the person is sent to sign in. Sign-out, deactivation, a role change and a password change
/// or reset all give the account a new stamp, so every copy of an older cookie stops working.
/// </summary>
public sealed class SessionStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signIn, logger)
{
    /// <summary>Every request, not only once an interval has passed since the cookie was issued.</summary>
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await VerifySecurityStamp(context.Principal) is not null)
        {
            // The cookie stays as issued (no new principal, no new cookie on every request):
            // whatever would change its claims also changes the stamp, and then it is rejected.
            return;
        }

        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
        await SignInManager.Context.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
    }

    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        await base.VerifySecurityStamp(principal) is { IsActive: true } user ? user : null;
}
