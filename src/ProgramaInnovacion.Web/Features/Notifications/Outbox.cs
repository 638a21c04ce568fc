using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Notifications;

/// <summary>
/// Puts e-mails in the outbox table of the caller's unit of work (the caller saves): the worker
/// sends them after the transaction commits, so an e-mail never leaves for a change that was
/// rolled back, and a mail server that is down delays it instead of failing the request.
/// </summary>
public class Outbox(AppDbContext db, EmailRenderer renderer, IOptions<PortalOptions> portal, IHttpContextAccessor http, TimeProvider time)
{
    public OutgoingEmail Queue(string to, string subject, RenderedEmail body, NotificationCategory category, string? recipientId, int? projectId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var email = new OutgoingEmail
        {
            To = to,
            Subject = subject,
            HtmlBody = body.Html,
            TextBody = body.Text,
            Category = category,
            RecipientId = recipientId,
            ProjectId = projectId,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Status = EmailStatus.Pending,
        };
        db.OutgoingEmails.Add(email);
        return email;
    }

    /// <summary>An account e-mail (invitation, password reset): always sent, no unsubscribe link.</summary>
    public async Task QueueAccountEmailAsync(string to, string? recipientId, string greetingName, string subject, string intro, string actionText, string actionLink, string note)
    {
        var rendered = await renderer.RenderAsync(new EmailViewModel($"Hola, {greetingName}:", subject, intro, [], [])
        {
            ActionLink = actionLink,
            ActionText = actionText,
            Note = note,
        });
        Queue(to, subject, rendered, NotificationCategory.Account, recipientId, null);
    }

    /// <summary>A portal path as people open it from their mailbox (Portal:PublicUrl first).</summary>
    public string AbsoluteLink(string path) => PublicLinks.Origin(portal.Value, http.HttpContext) + path;
}
