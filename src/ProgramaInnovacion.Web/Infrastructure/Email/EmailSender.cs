using MimeKit;

namespace ProgramaInnovacion.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends the portal's e-mail; the implementation is chosen by configuration.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, StartTls or SslOnConnect; the default uses STARTTLS when the server offers it.</summary>
    public string Security { get; set; } = "Auto";
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "no-responder@programa.example";

    public string FromName { get; set; } = "Programa de Innovación – RIL";

    /// <summary>Folder for .eml files when no SMTP host is configured; relative to the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

internal static class MimeMessages
{
    public static MimeMessage Build(EmailOptions options, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
