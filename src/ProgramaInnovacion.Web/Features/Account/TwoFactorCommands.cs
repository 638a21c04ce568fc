using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;
using QRCoder;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>
/// Enrolling in, using and leaving two-factor sign-in with an authenticator app (TOTP, Identity's
/// authenticator token provider), audited. Recovery codes are stored hashed by Identity's store
/// only as long as unused, and shown once, in the response that created them.
/// </summary>
public class TwoFactorCommands(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    private const string Issuer = "Programa de Innovación";
    private const int RecoveryCodeCount = 10;

    /// <summary>The key to type and the QR code (a PNG data URI, allowed by the CSP's img-src) for the app.</summary>
    public async Task<(string Key, string QrDataUri)> EnrolmentAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString($"{Issuer}:{user.Email}")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return (Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-factor sign-in on when the code matches the key; returns the recovery codes, or null.</summary>
    public Task<IReadOnlyList<string>?> EnableAsync(AppUser user, string code, ClaimsPrincipal actor) =>
        db.InTransactionAsync(async () =>
        {
            if (!await IsValidCodeAsync(user, code))
            {
                return null;
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
            audit.Record(actor, AuditActions.TwoFactorEnabled, nameof(AppUser), user.Id, user.Email);
            await db.SaveChangesAsync();
            return (IReadOnlyList<string>?)codes;
        }, codes => codes is not null);

    /// <summary>Turns it off (a current code proves the app is at hand) and forgets the key; false for a wrong code.</summary>
    public Task<bool> DisableAsync(AppUser user, string code, ClaimsPrincipal actor) =>
        db.InTransactionAsync(async () =>
        {
            if (!await IsValidCodeAsync(user, code))
            {
                return false;
            }

            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            audit.Record(actor, AuditActions.TwoFactorDisabled, nameof(AppUser), user.Id, user.Email);
            await db.SaveChangesAsync();
            return true;
        }, done => done);

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(AppUser user, ClaimsPrincipal actor) =>
        db.InTransactionAsync(async () =>
        {
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
            audit.Record(actor, AuditActions.RecoveryCodesRenewed, nameof(AppUser), user.Id, user.Email);
            await db.SaveChangesAsync();
            return (IReadOnlyList<string>)codes;
        }, _ => true);

    /// <summary>Digits as typed by a person: spaces and hyphens dropped.</summary>
    public static string Normalize(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    private Task<bool> IsValidCodeAsync(AppUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code));

    /// <summary>The key in groups of four, easier to copy by hand.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
