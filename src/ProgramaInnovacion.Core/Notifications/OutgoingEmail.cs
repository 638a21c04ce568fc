using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Notifications;

public enum EmailStatus
{
    Pending,
    Sent,

    /// <summary>Refused every attempt; a coordinator can resend it from the delivery log.</summary>
    Failed,
}

/// <summary>
/// The outbox: an e-mail written in the event's transaction and delivered later by the worker, so a
/// down mail server delays it and never fails the request or loses it. A worker owns a row while
/// ClaimedUntilUtc is in the future (a conditional UPDATE takes it), so two instances never send it twice.
/// </summary>
public class OutgoingEmail
{
    public int Id { get; set; }

    public required string To { get; set; }

    public string? RecipientId { get; set; }

    public AppUser? Recipient { get; set; }

    public int? ProjectId { get; set; }

    public NotificationCategory Category { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public EmailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }
}
