namespace ProgramaInnovacion.Core.Notifications;

/// <summary>
/// "This reminder or digest was sent": a unique key inserted in the same transaction as the
/// notices it causes. Two workers may both find the same reminder due; the database lets only one
/// of them insert its key, and the other's transaction rolls back with nothing sent.
/// </summary>
public class ScheduledSend
{
    public int Id { get; set; }

    /// <summary>e.g. "recordatorio:stage:12:tres-dias" or "resumen:{userId}:2021-11-15".</summary>
    public required string Key { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
