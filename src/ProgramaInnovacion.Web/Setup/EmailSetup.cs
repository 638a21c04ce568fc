using Microsoft.Extensions.Options;
using ProgramaInnovacion.Web.Infrastructure.Email;

namespace ProgramaInnovacion.Web.Setup;

public static class EmailSetup
{
    /// <summary>SMTP through MailKit when Email:Smtp:Host is set; otherwise .eml files in a pickup folder.</summary>
    public static WebApplicationBuilder AddPortalEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        // The pickup folder would keep password-reset links on disk instead of sending them.
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<EmailOptions>()
            .Validate(o => !production || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Falta Email:Smtp:Host (variable Email__Smtp__Host): en Production el portal no arranca sin un servidor SMTP, porque sin él escribiría los enlaces para restablecer contraseñas en archivos del disco.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IEmailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>();
            if (!string.IsNullOrWhiteSpace(options.Value.Smtp.Host))
            {
                return ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp);
            }

            var dataPath = StorageSetup.ResolveDataPath(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>());
            var directory = Path.GetFullPath(Path.Combine(dataPath, options.Value.PickupDirectory));
            return ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(sp, directory);
        });
        return builder.AddNotifications();
    }
}
