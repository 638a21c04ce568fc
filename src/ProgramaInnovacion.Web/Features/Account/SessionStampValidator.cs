using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>
/// Checks every signed-in request against the account (ValidationInterval is zero): a cookie whose
/// security stamp is no longer the account's, or whose account was deactivated, is rejected at once
/// and the person is sent to sign in. Sign-out, deactivation, a role change and a password change
/// or reset all give the account a new stamp, so every copy of an older cookie stops working.
/// </summary>
/// <remarks>
/// The same command reads the person's unread notifications for the bell in the header
/// (<see cref="SessionCheck"/>): one round trip per signed-in page instead of two, and only the
/// two columns the check needs instead of the whole account row Identity's own check loads.
/// </remarks>
public sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<AppUser> signIn,
    ILoggerFactory logger,
    AppDbContext db,
    IOptions<IdentityOptions> identity)
    : SecurityStampValidator<AppUser>(options, signIn, logger)
{
    /// <summary>Every request, not only once an interval has passed since the cookie was issued.</summary>
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await CheckAsync(context.Principal) is { } session)
        {
            // The cookie stays as issued (no new principal, no new cookie on every request):
            // whatever would change its claims also changes the stamp, and then it is rejected.
            context.HttpContext.Features.Set(session);
            return;
        }

        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
        await SignInManager.Context.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
    }

    /// <summary>The session when the cookie's account is active and its stamp is the account's; otherwise null.</summary>
    private async Task<SessionCheck?> CheckAsync(ClaimsPrincipal? principal)
    {
        var userId = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null)
        {
            return null;
        }

        var stamp = principal!.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var account = await ReadAccountAsync(db, userId);
        return account is not null && account.SecurityStamp == stamp ? new SessionCheck(account.Unread) : null;
    }

    /// <summary>
    /// Compiled once (issue 14): every signed-in request runs it, and EF would otherwise walk and
    /// look up the expression tree on each one before reaching the database.
    /// </summary>
    private static readonly Func<AppDbContext, string, Task<AccountStamp?>> ReadAccountAsync = EF.CompileAsyncQuery(
        (AppDbContext db, string userId) => db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new AccountStamp(u.SecurityStamp, db.Notifications.Count(n => n.RecipientId == u.Id && n.ReadAtUtc == null)))
            .SingleOrDefault());

    private sealed record AccountStamp(string? SecurityStamp, int Unread);
}

/// <summary>What the session check of this request read besides the stamp (a request feature).</summary>
/// <param name="UnreadNotifications">The person's unread notifications when the request began.</param>
public sealed record SessionCheck(int UnreadNotifications);
