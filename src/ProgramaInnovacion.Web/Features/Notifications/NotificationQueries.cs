using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Notifications;

/// <summary>The bell, the notifications page, preferences, unsubscribing and the delivery log.</summary>
public class NotificationQueries(AppDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Notices shown on the page (newest first); older ones stay in the database.</summary>
    public const int PageSize = 100;

    public Task<int> UnreadCountAsync(string userId) =>
        db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAtUtc == null);

    public async Task<NotificationListViewModel> ListAsync(string userId)
    {
        var rows = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(PageSize)
            .Select(n => new { n.Id, n.Title, n.Body, n.LinkPath, n.Category, n.CreatedAtUtc, IsRead = n.ReadAtUtc != null })
            .ToListAsync();
        var counts = await db.Notifications.Where(n => n.RecipientId == userId)
            .GroupBy(n => 1).Select(g => new { Total = g.Count(), Unread = g.Count(n => n.ReadAtUtc == null) }).SingleOrDefaultAsync();
        return new NotificationListViewModel(
            rows.Select(n => new NotificationRowViewModel(n.Id, n.Title, n.Body, n.LinkPath, NotificationCategories.Name(n.Category), n.CreatedAtUtc, n.IsRead)).ToList(),
            counts?.Unread ?? 0, counts?.Total ?? 0);
    }

    /// <summary>Only the person's own notice (another's id changes nothing).</summary>
    public Task<int> MarkReadAsync(string userId, int id)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.Id == id && n.RecipientId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
    }

    public Task<int> MarkAllReadAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.RecipientId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
    }

    public async Task<PreferencesViewModel> PreferencesAsync(string userId)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Category, p => p.Delivery);
        return new PreferencesViewModel
        {
            Rows = NotificationCategories.Choosable
                .Select(c => new PreferenceRowViewModel { Category = c, Delivery = chosen.TryGetValue(c, out var d) ? d : NotificationCategories.DefaultDelivery(c) })
                .ToList(),
        };
    }

    /// <summary>Saves what was chosen for the choosable categories; anything else posted is ignored.</summary>
    public async Task SavePreferencesAsync(ClaimsPrincipal user, IReadOnlyList<PreferenceRowViewModel> rows)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync();
        var changes = new List<string>();
        foreach (var row in rows.Where(r => NotificationCategories.Choosable.Contains(r.Category) && Enum.IsDefined(r.Delivery)).DistinctBy(r => r.Category))
        {
            Set(existing, userId, row.Category, row.Delivery);
            changes.Add($"{NotificationCategories.Name(row.Category)}: {NotificationCategories.DeliveryName(row.Delivery)}");
        }

        audit.Record(user, AuditActions.NotificationPreferencesChanged, "AppUser", userId, string.Join("; ", changes));
        await db.SaveChangesAsync();
    }

    /// <summary>From a signed unsubscribe link: the person may not be signed in.</summary>
    public async Task UnsubscribeAsync(string userId, NotificationCategory category)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return;
        }

        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync();
        Set(existing, userId, category, EmailDelivery.Off);
        audit.Record(user, AuditActions.NotificationsUnsubscribed, "AppUser", userId, NotificationCategories.Name(category));
        await db.SaveChangesAsync();
    }

    private void Set(List<NotificationPreference> existing, string userId, NotificationCategory category, EmailDelivery delivery)
    {
        var row = existing.FirstOrDefault(p => p.Category == category);
        if (row is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Category = category, Delivery = delivery });
        }
        else
        {
            row.Delivery = delivery;
        }
    }

    public async Task<DeliveryLogViewModel?> DeliveryLogAsync(int projectId)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Municipality.Name).SingleOrDefaultAsync();
        if (project is null)
        {
            return null;
        }

        var rows = await db.OutgoingEmails.AsNoTracking().Where(e => e.ProjectId == projectId)
            .OrderByDescending(e => e.CreatedAtUtc).ThenByDescending(e => e.Id).Take(500)
            .Select(e => new { e.Id, e.To, e.Subject, e.Category, e.CreatedAtUtc, e.Status, e.Attempts, e.SentAtUtc, e.NextAttemptAtUtc, e.LastError })
            .ToListAsync();
        return new DeliveryLogViewModel(projectId, project, rows.Select(e => new DeliveryRowViewModel(
            e.Id, e.To, e.Subject, NotificationCategories.Name(e.Category), e.CreatedAtUtc, e.Status, e.Attempts, e.SentAtUtc,
            e.Status == EmailStatus.Pending ? e.NextAttemptAtUtc : null, e.LastError)).ToList());
    }

    /// <summary>Queues a copy of a project's e-mail (the original row stays as it was, for the log).</summary>
    public async Task<bool> ResendAsync(ClaimsPrincipal user, int projectId, int emailId)
    {
        var original = await db.OutgoingEmails.AsNoTracking().SingleOrDefaultAsync(e => e.Id == emailId && e.ProjectId == projectId);
        if (original is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            To = original.To,
            RecipientId = original.RecipientId,
            ProjectId = projectId,
            Category = original.Category,
            Subject = original.Subject,
            HtmlBody = original.HtmlBody,
            TextBody = original.TextBody,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Status = EmailStatus.Pending,
        });
        audit.Record(user, AuditActions.EmailResent, "Project", projectId, $"{original.Subject} → {original.To}");
        await db.SaveChangesAsync();
        return true;
    }
}
