using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Notifications;

/// <summary>What the e-mail of a notification still has to do.</summary>
public enum DigestState
{
    /// <summary>Sent at once, or not by e-mail at all.</summary>
    None,

    /// <summary>Waits for the person's daily digest.</summary>
    Waiting,

    /// <summary>Went out in a digest.</summary>
    Sent,
}

/// <summary>An in-app notice (the bell), written in the same transaction as the event that causes it.</summary>
public class Notification
{
    public int Id { get; set; }

    public required string RecipientId { get; set; }

    public AppUser Recipient { get; set; } = null!;

    public NotificationCategory Category { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>A path inside the portal (e.g. /proyectos/3/etapas/desafio); e-mails prefix Portal:PublicUrl.</summary>
    public required string LinkPath { get; set; }

    public int? ProjectId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    public DigestState Digest { get; set; }
}
