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
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    public void Record(ClaimsPrincipal? actor, string action, string entityType, object? entityId, string? details = null) =>
        Add(actor?.FindFirstValue(ClaimTypes.NameIdentifier), actor?.Identity?.Name, action, entityType, entityId, details);

    /// <summary>For what a person does before being signed in (signing in, resetting the password, accepting an invitation).</summary>
    public void Record(AppUser actor, string action, string entityType, object? entityId, string? details = null) =>
        Add(actor.Id, actor.UserName, action, entityType, entityId, details);

    private void Add(string? actorId, string? actorName, string action, string entityType, object? entityId, string? details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId is null ? null : Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture),
            Details = details is { Length: > 4000 } ? details[..4000] : details,
            OccurredAtUtc = time.GetUtcNow().UtcDateTime,
        });
}
