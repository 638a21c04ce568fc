using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>
/// What a person does with their own account, audited. Passwords never reach the log. A failed
/// sign-in records the account when the typed e-mail belongs to one (its stored address, not the
/// typed text); for an unknown e-mail it records only that the address is unknown, because that
/// box is free text from anyone and people sometimes type their password into it.
/// </summary>
public class AccountCommands(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider time)
{
    public async Task SignedInAsync(AppUser user)
    {
        audit.Record(user, AuditActions.SignedIn, nameof(AppUser), user.Id, user.Email);
        await db.SaveChangesAsync();
    }

    /// <param name="account">The account of the typed e-mail, or null when none has it.</param>
    public async Task SignInFailedAsync(AppUser? account, string reason)
    {
        audit.Record((ClaimsPrincipal?)null, AuditActions.SignInFailed, nameof(AppUser), account?.Id,
            account is null ? "Correo no registrado" : $"{account.Email}: {reason}");
        await db.SaveChangesAsync();
    }

    /// <remarks>UserManager saves on its own: the new password and its audit entry commit together.</remarks>
    public Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword, ClaimsPrincipal actor) =>
        db.InTransactionAsync(async () =>
        {
            var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
            if (result.Succeeded)
            {
                audit.Record(actor, AuditActions.PasswordChanged, nameof(AppUser), user.Id, user.Email);
                await db.SaveChangesAsync();
            }

            return result;
        }, r => r.Succeeded);

    /// <summary>Sets the new password from an e-mailed link and lifts a lockout, with its audit entry, in one transaction.</summary>
    public Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        db.InTransactionAsync(async () =>
        {
            var result = await users.ResetPasswordAsync(user, token, newPassword);
            if (result.Succeeded)
            {
                await users.SetLockoutEndDateAsync(user, null);
                // Whoever could open the account may have copied its calendar link too: it stops working.
                await db.CalendarFeedTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null)
                    .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAtUtc, time.GetUtcNow().UtcDateTime));
                audit.Record(user, AuditActions.PasswordReset, nameof(AppUser), user.Id, user.Email);
                await db.SaveChangesAsync();
            }

            return result;
        }, r => r.Succeeded);
}
