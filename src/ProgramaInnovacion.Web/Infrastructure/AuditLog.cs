using System.Security.Claims;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>
/// Records who changed what and when. Adds the entry to the context; it is saved with the change
/// it describes, in the same SaveChanges, so the log and the data never disagree.
/// </summary>
public class AuditLog(AppDbContext db, TimeProvider time)
{
    public void Record(ClaimsPrincipal? actor, string action, string entityType, object? entityId, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            ActorId = actor?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = actor?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Details = details is { Length: > 4000 } ? details[..4000] : details,
            OccurredAtUtc = time.GetUtcNow().UtcDateTime,
        });
}
