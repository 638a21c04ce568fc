using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Web.Features.Account;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>The endpoints whose attempts are counted (issue 12, item 3); each has its own limits in `Security:RateLimits`.</summary>
public enum RateLimit
{
    SignIn,
    TwoFactor,
    PasswordReset,
    PasswordChange,
    Invitation,
    CalendarFeed,
}

/// <summary>Marks an action whose calls count against <see cref="RateLimit"/>, per client address and per account.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RateLimitedAttribute(RateLimit limit) : Attribute
{
    public RateLimit Limit { get; } = limit;
}

/// <summary>Calls allowed in a window, counted per client address and per account (the typed e-mail, the invitation or the feed token).</summary>
public sealed class RateLimitWindow
{
    public int PerIp { get; set; } = 20;

    public int PerAccount { get; set; } = 5;

    public int WindowSeconds { get; set; } = 300;
}

/// <summary>`Security:RateLimits:{SignIn,TwoFactor,PasswordReset,PasswordChange,Invitation,CalendarFeed}`.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Security:RateLimits";

    public Dictionary<RateLimit, RateLimitWindow> Limits { get; } = [];

    public RateLimitWindow For(RateLimit limit) => Limits.TryGetValue(limit, out var window) ? window : new RateLimitWindow();
}

/// <summary>
/// Anti-automation with the framework's rate limiter: one chained global limiter counts each marked
/// call once per client address and once per account. The account is resolved before the limiter
/// (the typed e-mail, normalised like Identity does; the user of the two-factor step; the invitation
/// or feed token, hashed), because the limiter's partitioning cannot read a form. A refusal is a 429
/// with Retry-After and the Spanish error page (re-executed as /error/429). Sign-in attempts from a
/// browser that already signed in to the account count in a bucket of their own (<see cref="KnownDevice"/>),
/// so hammering an administrator's e-mail from elsewhere never keeps the administrator out; Identity's
/// lockout is not used for passwords (its counter never decays, so anyone could renew it forever).
/// </summary>
public static class RateLimitSetup
{
    private const string AccountKey = "ratelimit.account";
    public const string RetryAfterKey = "ratelimit.retry-after";

    public static WebApplicationBuilder AddPortalRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(o =>
        {
            foreach (var limit in Enum.GetValues<RateLimit>())
            {
                var window = new RateLimitWindow();
                builder.Configuration.GetSection($"{RateLimitOptions.Section}:{limit}").Bind(window);
                o.Limits[limit] = window;
            }
        });
        builder.Services.AddSingleton<KnownDevice>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((o, limits) =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    Partitioned(limits.Value, "ip", w => w.PerIp, context => context.Connection.RemoteIpAddress?.ToString() ?? "desconocida"),
                    Partitioned(limits.Value, "cuenta", w => w.PerAccount, context => context.Items[AccountKey] as string ?? ""));
                o.OnRejected = (context, _) =>
                {
                    var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                        ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                        : limits.Value.For(LimitOf(context.HttpContext)!.Value).WindowSeconds;
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    context.HttpContext.Items[RetryAfterKey] = Math.Max(seconds, 1);
                    // No body: the status-code pages re-execute /error/429, the Spanish page with the layout.
                    return ValueTask.CompletedTask;
                };
            });
        return builder;
    }

    /// <summary>After authentication (the password change counts per signed-in account): resolve the account, then the limiter.</summary>
    public static WebApplication UsePortalRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (LimitOf(context) is { } limit)
            {
                context.Items[AccountKey] = $"{limit}:{await AccountOfAsync(context, limit)}";
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static RateLimit? LimitOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Limit;

    private static PartitionedRateLimiter<HttpContext> Partitioned(RateLimitOptions limits, string kind, Func<RateLimitWindow, int> permits, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (LimitOf(context) is not { } limit)
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var window = limits.For(limit);
            return RateLimitPartition.GetFixedWindowLimiter($"{limit}:{kind}:{key(context)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(permits(window), 1),
                Window = TimeSpan.FromSeconds(Math.Max(window.WindowSeconds, 1)),
                QueueLimit = 0,
            });
        });

    /// <summary>Who the attempt is against; the same for everyone when the form cannot be read (the address still counts).</summary>
    private static async Task<string> AccountOfAsync(HttpContext context, RateLimit limit)
    {
        switch (limit)
        {
            case RateLimit.SignIn:
                var email = Normalize(await FormFieldAsync(context, "Email"));
                var devices = context.RequestServices.GetRequiredService<KnownDevice>();
                return $"{email}:{(devices.IsKnown(context, email) ? "dispositivo-conocido" : "otros")}";
            case RateLimit.PasswordReset:
                return Normalize(await FormFieldAsync(context, "Email"));
            case RateLimit.PasswordChange:
                return context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            case RateLimit.TwoFactor:
                var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
                return pending.Principal?.FindFirstValue(ClaimTypes.Name) ?? "";
            default:
                // Invitation and feed: the token names the account; kept only as a hash, like in the database.
                var token = context.GetRouteValue("token") as string ?? "";
                return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        }
    }

    /// <summary>Identity's normalisation (trimmed, upper case), so "Admin@…" and "admin@… " are one account.</summary>
    public static string Normalize(string? email) => (email ?? "").Trim().ToUpperInvariant();

    private static async Task<string?> FormFieldAsync(HttpContext context, string field)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            // Read once and cached in the request: model binding reads the same form afterwards.
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return form[field].FirstOrDefault();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null; // a malformed body is refused by model binding as before; the address still counts
        }
    }
}
