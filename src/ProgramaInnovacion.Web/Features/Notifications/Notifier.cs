using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Infrastructure.Formatting;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Features.Notifications;

/// <summary>
/// An event as the notifier needs it. <paramref name="Subject"/> is what it is about (a stage's or a
/// post's name), <paramref name="Detail"/> the words people read under the title (a comment, a due date).
/// </summary>
public sealed record PortalEvent(PortalEventKind Kind, string? ActorId, string Subject, string LinkPath)
{
    public int? ProjectId { get; init; }

    public int? EditionId { get; init; }

    /// <summary>The municipality of the project, shown in coordinators' notices.</summary>
    public string? Municipality { get; init; }

    public string? Detail { get; init; }

    /// <summary>People the event names itself (Audience.Named).</summary>
    public IReadOnlyList<string> Named { get; init; } = [];
}

/// <summary>
/// Writes an event's notifications and e-mails into the caller's unit of work, so they commit in the
/// same transaction as the event (or not at all). Who hears of what is NotificationRules; each
/// person's preference for the category decides between an e-mail now, the daily digest, or none.
/// The caller saves.
/// </summary>
public class Notifier(AppDbContext db, EmailRenderer renderer, Outbox outbox, UnsubscribeTokens unsubscribe, TimeProvider time)
{
    public async Task RaiseAsync(PortalEvent portalEvent)
    {
        var rule = NotificationRules.For(portalEvent.Kind);
        var recipientIds = new HashSet<string>();
        foreach (var audience in rule.Audiences)
        {
            recipientIds.UnionWith(await ResolveAsync(audience, portalEvent));
        }

        if (portalEvent.ActorId is not null)
        {
            recipientIds.Remove(portalEvent.ActorId);
        }

        if (recipientIds.Count == 0)
        {
            return;
        }

        var people = await db.Users.AsNoTracking().Where(u => recipientIds.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync();
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => recipientIds.Contains(p.UserId) && p.Category == rule.Category)
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery);
        var now = time.GetUtcNow().UtcDateTime;
        var title = NotificationTexts.Title(portalEvent);
        var body = NotificationTexts.Body(portalEvent);
        foreach (var person in people.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var delivery = chosen.TryGetValue(person.Id, out var d) ? d : NotificationCategories.DefaultDelivery(rule.Category);
            var hasEmail = !string.IsNullOrEmpty(person.Email);
            db.Notifications.Add(new Notification
            {
                RecipientId = person.Id,
                Category = rule.Category,
                Title = title,
                Body = body,
                LinkPath = portalEvent.LinkPath,
                ProjectId = portalEvent.ProjectId,
                CreatedAtUtc = now,
                Digest = hasEmail && delivery == EmailDelivery.DailyDigest ? DigestState.Waiting : DigestState.None,
            });
            if (hasEmail && delivery == EmailDelivery.Immediately)
            {
                var item = new EmailItemViewModel(title, body, outbox.AbsoluteLink(portalEvent.LinkPath), ArgentinaClock.DateTimeText(now));
                var rendered = await renderer.RenderAsync(new EmailViewModel($"Hola, {person.DisplayName}:", title, null, [item],
                    [unsubscribe.For(person.Id, rule.Category)]));
                outbox.Queue(person.Email!, title, rendered, rule.Category, person.Id, portalEvent.ProjectId);
            }
        }
    }

    private async Task<IReadOnlyList<string>> ResolveAsync(Audience audience, PortalEvent portalEvent) => audience switch
    {
        Audience.Named => portalEvent.Named,
        Audience.Team when portalEvent.ProjectId is { } projectId =>
            await db.ProjectMembers.Where(m => m.ProjectId == projectId).Select(m => m.UserId).ToListAsync(),
        Audience.EditionTeams when portalEvent.EditionId is { } editionId =>
            await db.ProjectMembers.Where(m => m.Project.EditionId == editionId).Select(m => m.UserId).ToListAsync(),
        Audience.Coordinators => await EditionCoordinatorsAsync(portalEvent),
        _ => [],
    };

    /// <summary>
    /// The coordinators assigned to the event's edition (coordinators are scoped to editions, see
    /// <c>CoordinationScope</c>); an event tied to no edition goes to every coordinator.
    /// </summary>
    private async Task<IReadOnlyList<string>> EditionCoordinatorsAsync(PortalEvent portalEvent)
    {
        var editionId = portalEvent.EditionId
            ?? (portalEvent.ProjectId is { } projectId
                ? await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.EditionId).SingleOrDefaultAsync()
                : null);
        var coordinators = from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where role.Name == Roles.Coordinator
                           select userRole.UserId;
        if (editionId is { } edition)
        {
            coordinators = coordinators.Where(id => db.CoordinatorEditions.Any(c => c.UserId == id && c.EditionId == edition));
        }

        return await coordinators.ToListAsync();
    }
}

/// <summary>The Spanish words of each event's notice (one place, so the bell and the e-mail agree).</summary>
public static class NotificationTexts
{
    public static string Title(PortalEvent e)
    {
        var where = e.Municipality is null ? "" : $" ({e.Municipality})";
        return e.Kind switch
        {
            PortalEventKind.Submitted => $"{e.Municipality} entregó «{e.Subject}»",
            PortalEventKind.Approved => $"Se aprobó «{e.Subject}»",
            PortalEventKind.ChangesRequested => $"La coordinación pidió cambios en «{e.Subject}»",
            PortalEventKind.Reopened => $"Se reabrió «{e.Subject}»",
            PortalEventKind.CommentByTeam or PortalEventKind.CommentByCoordination => $"Nuevo comentario en «{e.Subject}»{where}",
            PortalEventKind.StageOpened => $"Ya podés trabajar en «{e.Subject}»",
            PortalEventKind.PanelOpened => $"Te asignamos a la mesa de expertos de {e.Municipality}",
            PortalEventKind.EvaluationSubmitted => $"Llegó una evaluación de la mesa de expertos{where}",
            PortalEventKind.PanelPublished => "Ya está la devolución de la mesa de expertos",
            PortalEventKind.RecommendationAnswered => $"{e.Municipality} respondió una recomendación de la mesa",
            PortalEventKind.NetworkPosted => $"Nueva publicación en la red de aprendizaje: «{e.Subject}»",
            PortalEventKind.NetworkCommented => $"Comentaron tu publicación «{e.Subject}»",
            PortalEventKind.DeadlineInThreeDays => $"«{e.Subject}» vence en pocos días",
            PortalEventKind.DeadlineToday => $"«{e.Subject}» vence hoy",
            PortalEventKind.Overdue => $"«{e.Subject}» está vencida",
            PortalEventKind.FollowUpReportDue => $"Informá los indicadores del período de seguimiento que termina el {e.Subject}",
            _ => e.Subject,
        };
    }

    public static string Body(PortalEvent e) => e.Detail ?? e.Kind switch
    {
        PortalEventKind.Submitted => "La entrega espera tu revisión.",
        PortalEventKind.Approved => "La coordinación aprobó la entrega.",
        PortalEventKind.Reopened => "La coordinación reabrió la etapa: pueden volver a editarla.",
        PortalEventKind.StageOpened => "La etapa está disponible para tu equipo.",
        PortalEventKind.PanelOpened => "Antes de leer el proyecto, ingresá y declará si tenés algún conflicto de interés. Después vas a poder evaluarlo con la rúbrica y dejar tus recomendaciones.",
        PortalEventKind.EvaluationSubmitted => "Una persona experta envió su evaluación.",
        PortalEventKind.PanelPublished => "La coordinación publicó el resultado de la mesa de expertos. Respondé cada recomendación con una acción y una fecha.",
        _ => "",
    };

    /// <summary>An excerpt of user text for a notice (comments can be long).</summary>
    public static string Excerpt(string text) => text.Length <= 280 ? text : text[..280].TrimEnd() + "…";
}

/// <summary>Signed links to switch a category off without signing in (in every e-mail).</summary>
public class UnsubscribeTokens(IDataProtectionProvider protection, IOptions<PortalOptions> portal, IHttpContextAccessor http)
{
    private readonly IDataProtector protector = protection.CreateProtector("Notifications.Unsubscribe.v1");

    public string Link(string userId, NotificationCategory category) =>
        PublicLinks.Origin(portal.Value, http.HttpContext) + "/avisos/baja?t=" + Uri.EscapeDataString(protector.Protect($"{userId}|{category}"));

    public UnsubscribeLinkViewModel For(string userId, NotificationCategory category) =>
        new(NotificationCategories.Name(category), Link(userId, category));

    public (string UserId, NotificationCategory Category)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('|');
            return parts.Length == 2 && Enum.TryParse<NotificationCategory>(parts[1], out var category) && NotificationCategories.Choosable.Contains(category)
                ? (parts[0], category)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
