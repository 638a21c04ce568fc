using Microsoft.AspNetCore.Identity;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>
/// The cost of a password check for sign-ins that have no password to check (unknown, inactive or
/// locked account): the typed text is verified against a hash of a random secret, made once with
/// Identity's own hasher and settings, so it takes as long as a real verification and never matches.
/// </summary>
public static class SignInTiming
{
    private static readonly PasswordHasher<AppUser> Hasher = new();

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static void VerifyAgainstDummyHash(string password) =>
        _ = Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
}
