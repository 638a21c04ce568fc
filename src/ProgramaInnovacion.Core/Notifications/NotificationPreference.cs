using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Notifications;

/// <summary>A person's choice for one category; no row means the category's default.</summary>
public class NotificationPreference
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public NotificationCategory Category { get; set; }

    public EmailDelivery Delivery { get; set; }
}
