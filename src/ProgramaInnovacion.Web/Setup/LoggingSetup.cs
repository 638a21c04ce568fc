using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;

namespace ProgramaInnovacion.Web.Setup;

public static class LoggingSetup
{
    /// <summary>
    /// Structured console logging, and a rolling file when `Logging:File:Path` is set. Request
    /// logging records method, path and status, never bodies, so no password reaches the log.
    /// Both sinks write from one background thread (issue 14): with the synchronous console sink
    /// every request waited for the console's lock and its own write to stdout (one line per
    /// request) before its response finished. When the queue is full a request waits instead of
    /// dropping the event, and disposing the logger at shutdown writes what is still queued.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) =>
        {
            config
                .ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // Keys live in the database, protected by its access control (docs/architecture.md).
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
                .Enrich.FromLogContext()
                .WriteTo.Async(sinks =>
                {
                    sinks.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
                    var file = builder.Configuration["Logging:File:Path"];
                    if (!string.IsNullOrWhiteSpace(file))
                    {
                        sinks.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
                    }
                }, blockWhenFull: true);
        });
        return builder;
    }

    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} respondió {StatusCode} en {Elapsed:0} ms";
            // The path, with the secrets some paths carry (invitation and calendar-feed tokens) cut out.
            o.GetMessageTemplateProperties = (ctx, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(ctx.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RequestPathRedaction.Redact(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            o.GetLevel = (ctx, _, ex) => ex is not null || ctx.Response.StatusCode >= 500 ? LogEventLevel.Error
                : ctx.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
        app.Use(EndAbandonedRequestsQuietly);
        return app;
    }

    /// <summary>
    /// A request its client abandoned (a closed tab, a cancelled download, a load tool stopping)
    /// ends as 499, "client closed request", logged as information. Code that honours
    /// <see cref="HttpContext.RequestAborted"/> — an export waiting for its slot, a query — throws
    /// when the client leaves; without this the request log recorded each one as a 500 with a
    /// stack trace (the benchmark's export runs left 170 such errors per provider), false alarms
    /// for whoever watches the portal's errors. Nobody is left to read an error page, so none is
    /// rendered. A failure while the client is still there is untouched.
    /// </summary>
    private static async Task EndAbandonedRequestsQuietly(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    statusCodePages.Enabled = false;
                }
            }
        }
    }
}

/// <summary>Request paths as logs may keep them: the token segment of an invitation or calendar-feed link becomes "***".</summary>
public static partial class RequestPathRedaction
{
    public static string Redact(string path) => TokenSegment().Replace(path, "$1***$2");

    [System.Text.RegularExpressions.GeneratedRegex(@"^(/invitacion/|/calendario/ics/)[^/]+?(\.ics)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TokenSegment();
}
