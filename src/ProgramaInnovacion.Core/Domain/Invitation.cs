using System.Security.Cryptography;
using System.Text;

namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// A single-use link that lets an invited person set their password. Only a hash of the token is
/// stored, so a copy of the database does not hand out working links.
/// </summary>
public class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    /// <summary>SHA-256 of the token, hexadecimal.</summary>
    public required string TokenHash { get; set; }

    public string? InvitedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? AcceptedAtUtc { get; set; }

    /// <summary>Set when a newer invitation replaces this one.</summary>
    public DateTime? RevokedAtUtc { get; set; }

    public bool IsUsableAt(DateTime nowUtc) => AcceptedAtUtc is null && RevokedAtUtc is null && nowUtc < ExpiresAtUtc;

    /// <summary>A new random token (URL-safe) and the hash to store for it.</summary>
    public static (string Token, string Hash) NewToken()
    {
        // Lower-case hex: URLs are generated lower-case, so the token must survive that unchanged.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
