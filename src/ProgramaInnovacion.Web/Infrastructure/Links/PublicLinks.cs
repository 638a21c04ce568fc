using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ProgramaInnovacion.Web.Infrastructure.Links;

/// <summary>Configuration `Portal:PublicUrl`: the origin people reach the portal at, e.g. https://portal.ril.org.ar.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string? PublicUrl { get; set; }

    public static bool IsValid(PortalOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicUrl)
        || (Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.AbsolutePath == "/" && uri.Query.Length == 0);
}

/// <summary>
/// Absolute links that leave the request: in e-mails (password reset, invitations, panel notices)
/// and calendar feeds. With `Portal:PublicUrl` set, the link starts with it and never with the
/// request's Host header, which the client controls (a forged Host would otherwise put a stranger's
/// domain in a password-reset e-mail). Without it (development), the request's origin is used.
/// </summary>
public static class PublicLinks
{
    public static string AbsoluteAction(this IUrlHelper url, string action, string controller, object? values)
    {
        var path = url.Action(action, controller, values)
            ?? throw new InvalidOperationException($"No hay una ruta para {controller}.{action}.");
        var http = url.ActionContext.HttpContext;
        return Origin(http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value, http) + path;
    }

    /// <summary>
    /// Portal:PublicUrl without its trailing slash; without it, the request's origin, or (outside a
    /// request, e.g. the notification worker in development) http://localhost.
    /// </summary>
    public static string Origin(PortalOptions options, HttpContext? http) =>
        !string.IsNullOrWhiteSpace(options.PublicUrl) ? options.PublicUrl.TrimEnd('/')
        : http is not null ? $"{http.Request.Scheme}://{http.Request.Host}"
        : "http://localhost";
}
