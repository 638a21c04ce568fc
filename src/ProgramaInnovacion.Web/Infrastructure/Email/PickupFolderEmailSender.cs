using Microsoft.Extensions.Options;

namespace ProgramaInnovacion.Web.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file to a folder: the default, so development and tests never
/// reach a real mailbox and a person can open the mail with any mail client.
/// </summary>
public class PickupFolderEmailSender(IOptions<EmailOptions> options, string directory, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var mime = MimeMessages.Build(options.Value, message);
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await using (var stream = File.Create(path))
        {
            await mime.WriteToAsync(stream, ct);
        }

        logger.LogInformation("Correo «{Subject}» guardado en {Path}", message.Subject, path);
    }
}
