using Microsoft.EntityFrameworkCore;
using MimeKit;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Notifications;

/// <summary>Reads who was told what: notifications since a mark, and the e-mails in the pickup folder.</summary>
internal static class NotificationTestData
{
    /// <summary>The id after which new notifications count (notifications are only ever added).</summary>
    public static Task<int> MarkAsync(this PortalFactory factory) =>
        factory.WithDbAsync(async db => await db.Notifications.MaxAsync(n => (int?)n.Id) ?? 0);

    /// <summary>E-mail address → titles of the notifications written after <paramref name="mark"/>.</summary>
    public static Task<List<(string Email, string Title, NotificationCategory Category)>> SinceAsync(this PortalFactory factory, int mark) =>
        factory.WithDbAsync(async db => (await db.Notifications.Where(n => n.Id > mark).OrderBy(n => n.Id)
            .Select(n => new { n.Recipient.Email, n.Title, n.Category }).ToListAsync())
            .Select(n => (n.Email!, n.Title, n.Category)).ToList());

    /// <summary>The coordinators assigned to the project's edition (the ones its events reach).</summary>
    public static Task<HashSet<string>> EditionCoordinatorEmailsAsync(this PortalFactory factory, int projectId) =>
        factory.WithDbAsync(async db => (await (from userRole in db.UserRoles
                                                join role in db.Roles on userRole.RoleId equals role.Id
                                                join user in db.Users on userRole.UserId equals user.Id
                                                where role.Name == Roles.Coordinator
                                                      && db.CoordinatorEditions.Any(c => c.UserId == user.Id && c.EditionId == db.Projects.Single(p => p.Id == projectId).EditionId)
                                                select user.Email!).ToListAsync()).ToHashSet());

    public static Task<HashSet<string>> TeamEmailsAsync(this PortalFactory factory, string slug) =>
        factory.WithDbAsync(async db => (await db.ProjectMembers.Where(m => m.Project.Municipality.Slug == slug && m.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(m => m.User.Email!).ToListAsync()).ToHashSet());

    /// <summary>Every delivered e-mail (pickup folder) to the address with that subject.</summary>
    public static List<MimeMessage> Mails(this PortalFactory factory, string to, string subject) =>
        !Directory.Exists(factory.MailPickupPath)
            ? []
            : Directory.GetFiles(factory.MailPickupPath, "*.eml").Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => b.Address == to) && m.Subject == subject).ToList();
}
