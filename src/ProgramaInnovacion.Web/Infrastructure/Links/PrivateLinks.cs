using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ProgramaInnovacion.Web.Infrastructure.Links;

/// <summary>
/// Signed tokens for links that open one record without an account (a municipality's survey, an
/// application in progress). Data protection signs and encrypts the id, so a token cannot be
/// guessed or turned into another record's; the keys live in the database, so every instance reads
/// them. The record itself decides until when the link works (the survey's or the call's close).
/// </summary>
public class PrivateLinks(IDataProtectionProvider protection)
{
    public const string SurveyPurpose = "Survey.Response.v1";
    public const string ApplicationPurpose = "Calls.Application.v1";

    public string Token(string purpose, string payload) => protection.CreateProtector(purpose).Protect(payload);

    /// <summary>The payload, or null for a token that was not issued for this purpose.</summary>
    public string? Read(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return protection.CreateProtector(purpose).Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null; // altered or truncated by hand
        }
    }
}
