using Microsoft.Extensions.Options;
using ProgramaInnovacion.Web.Infrastructure.Email;

namespace ProgramaInnovacion.Web.Setup;

public static class EmailSetup
{
    /// <summary>SMTP through MailKit when Email:Smtp:Host is set; otherwise .eml files in a pickup folder.</summary>
    public static WebApplicationBuilder AddPortalEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
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
