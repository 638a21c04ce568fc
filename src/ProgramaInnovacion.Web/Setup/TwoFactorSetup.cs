using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Account;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// Two-factor sign-in (issue 12, item 5): whether a user has it is a claim of the sign-in cookie
/// (no query per request), and roles listed in <c>Security:TwoFactor:RequiredRoles</c> are sent to
/// enrol before they use the portal.
/// </summary>
public static class TwoFactorSetup
{
    public static WebApplicationBuilder AddPortalTwoFactor(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<TwoFactorOptions>(builder.Configuration.GetSection(TwoFactorOptions.Section));
        builder.Services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, TwoFactorClaimsPrincipalFactory>();
        builder.Services.AddScoped<TwoFactorCommands>();
        return builder;
    }

    /// <summary>After authentication: a user of a role that requires two-factor sign-in and has not
    /// enrolled reaches only their account pages (where they enrol or sign out) and the error pages.</summary>
    public static WebApplication UseTwoFactorEnrolment(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<TwoFactorOptions>>().Value;
            if (options.MustEnrol(context.User)
                && !context.Request.Path.StartsWithSegments("/cuenta")
                && !context.Request.Path.StartsWithSegments("/error"))
            {
                context.Response.Redirect(TwoFactorOptions.EnrolPath);
                return;
            }

            await next();
        });
        return app;
    }
}

public sealed class TwoFactorOptions
{
    public const string Section = "Security:TwoFactor";

    /// <summary>The claim the sign-in cookie carries when the account has two-factor sign-in on.</summary>
    public const string EnabledClaim = "programa:dos-pasos";

    public const string EnrolPath = "/cuenta/dos-pasos/activar";

    /// <summary>Comma-separated role names (e.g. "Administrador,Coordinador"); empty: nobody is required.</summary>
    public string RequiredRoles { get; set; } = "";

    public bool IsRequiredFor(ClaimsPrincipal user) =>
        RequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(user.IsInRole);

    public bool MustEnrol(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.HasClaim(EnabledClaim, "true") && IsRequiredFor(user);
}

/// <summary>Adds the two-factor claim; the cookie is re-issued whenever two-factor sign-in is switched.</summary>
public sealed class TwoFactorClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorOptions.EnabledClaim, "true"));
        }

        return identity;
    }
}
