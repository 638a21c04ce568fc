using Serilog;
using Serilog.Events;

namespace ProgramaInnovacion.Web.Setup;

public static class LoggingSetup
{
    /// <summary>
    /// Structured console logging, and a rolling file when `Logging:File:Path` is set. Request
    /// logging records method, path and status, never bodies, so no password reaches the log.
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
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");

            var file = builder.Configuration["Logging:File:Path"];
            if (!string.IsNullOrWhiteSpace(file))
            {
                config.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
            }
        });
        return builder;
    }

    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} respondió {StatusCode} en {Elapsed:0} ms";
            o.GetLevel = (ctx, _, ex) => ex is not null || ctx.Response.StatusCode >= 500 ? LogEventLevel.Error
                : ctx.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
        return app;
    }
}
