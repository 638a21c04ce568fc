using ProgramaInnovacion.Web.Features.Notifications;

namespace ProgramaInnovacion.Web.Setup;

public static class NotificationSetup
{
    /// <summary>The outbox, the notifier and the worker that delivers them (see docs: "Avisos y correos").</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<EmailRenderer>();
        builder.Services.AddScoped<UnsubscribeTokens>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<NotificationDispatcher>();
        builder.Services.AddScoped<NotificationQueries>();
        builder.Services.AddHostedService<NotificationWorker>();
        return builder;
    }
}
