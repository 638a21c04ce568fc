namespace ProgramaInnovacion.Core.Domain;

/// <summary>Who changed what and when, for every administrative and workflow change.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public string? ActorId { get; set; }

    /// <summary>Kept even if the user is later renamed, so the log reads as it was.</summary>
    public string? ActorName { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Details { get; set; }

    public DateTime OccurredAtUtc { get; set; }
}
