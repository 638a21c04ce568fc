using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Calendar;

/// <summary>
/// Private iCalendar feeds: each user may hold one secret token (only its SHA-256 hash is stored)
/// whose URL calendar apps subscribe to. Regenerating revokes the previous token.
/// </summary>
public class CalendarFeed(AppDbContext db, TimeProvider time, CalendarSessions sessions, AuditLog audit)
{
    public async Task<SubscriptionViewModel> StatusAsync(ClaimsPrincipal user, string? newFeedUrl)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var active = await db.CalendarFeedTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAtUtc == null)
            .OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new { t.CreatedAtUtc })
            .FirstOrDefaultAsync();
        return new SubscriptionViewModel(active is not null, active?.CreatedAtUtc, newFeedUrl);
    }

    /// <summary>Revokes the user's tokens and issues a new one; returns the token (shown once).</summary>
    public async Task<string> RegenerateAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = time.GetUtcNow().UtcDateTime;
        var revoked = await RevokeTrackedAsync(userId, now);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        db.CalendarFeedTokens.Add(new() { UserId = userId, TokenHash = Hash(token), CreatedAtUtc = now });
        // Never the token itself: the log says that a link exists, not how to open it.
        audit.Record(user, AuditActions.FeedTokenCreated, nameof(AppUser), userId, revoked > 0 ? "reemplaza el enlace anterior" : null);
        await db.SaveChangesAsync();
        return token;
    }

    public async Task RevokeAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await RevokeTrackedAsync(userId, time.GetUtcNow().UtcDateTime) > 0)
        {
            audit.Record(user, AuditActions.FeedTokenRevoked, nameof(AppUser), userId);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The .ics text of a token's owner, or null when the token is unknown or revoked.</summary>
    public async Task<string?> RenderAsync(string token)
    {
        if (token.Length != 64)
        {
            return null;
        }

        var hash = Hash(token);
        var owner = await db.CalendarFeedTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAtUtc == null && t.User.IsActive)
            .Select(t => new
            {
                t.UserId,
                Roles = db.UserRoles.Where(r => r.UserId == t.UserId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync();
        if (owner is null)
        {
            return null;
        }

        var rows = await sessions.VisibleTo(owner.UserId, owner.Roles)
            .OrderBy(s => s.StartsAtUtc)
            .Select(s => new { s.Id, s.Title, s.Kind, s.StartsAtUtc, s.EndsAtUtc, s.Location, s.Description, Edition = s.Edition.Name, s.UpdatedAtUtc })
            .ToListAsync();

        var calendar = new Ical.Net.Calendar { ProductId = "-//RIL//Programa de Innovacion//ES" };
        calendar.AddProperty("X-WR-CALNAME", "Programa de Innovación");
        calendar.AddProperty("X-WR-TIMEZONE", ArgentinaTime.ZoneId);
        // A full VTIMEZONE (STANDARD component with the -03:00 offset) so clients that do not know the
        // IANA name still place the sessions at the right local time.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(ArgentinaTime.ZoneId, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), includeHistoricalData: false));
        foreach (var s in rows)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"sesion-{s.Id}@programa-innovacion",
                Summary = s.Title,
                Description = $"{s.Kind.Label()} · {s.Edition}\n\n{s.Description}".Trim(),
                Location = s.Location,
                Start = new CalDateTime(ArgentinaClock.ToLocal(s.StartsAtUtc), ArgentinaTime.ZoneId),
                End = new CalDateTime(ArgentinaClock.ToLocal(s.EndsAtUtc), ArgentinaTime.ZoneId),
                DtStamp = new CalDateTime(s.UpdatedAtUtc, "UTC"),
            });
        }

        // Due dates are instants: an event with a start and no end (RFC 5545 reads it as zero length),
        // so calendar apps remind at the hour the stage is due.
        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime, "UTC");
        foreach (var due in await sessions.DueDatesVisibleToAsync(owner.UserId, owner.Roles))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"vencimiento-{due.StageDefinitionId}@programa-innovacion",
                Summary = due.Title,
                Description = $"Vencimiento de la etapa {due.Order}, «{due.StageName}» · {due.Edition}",
                Start = new CalDateTime(ArgentinaClock.ToLocal(due.DueAtUtc), ArgentinaTime.ZoneId),
                DtStamp = stamp,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <returns>How many tokens were active.</returns>
    private async Task<int> RevokeTrackedAsync(string userId, DateTime now)
    {
        var active = await db.CalendarFeedTokens.Where(t => t.UserId == userId && t.RevokedAtUtc == null).ToListAsync();
        foreach (var token in active)
        {
            token.RevokedAtUtc = now;
        }

        return active.Count;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
