using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Core.Results;
using ProgramaInnovacion.Web.Infrastructure.Email;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Notifications;

/// <summary>What one pass of the worker did.</summary>
public sealed record DispatchPass(int Reminders, int Digests, int Sent, int Retried, int Failed);

/// <summary>
/// One pass of the notification worker: queue the deadline reminders and daily digests that are
/// due, then deliver the outbox. Every step is claimed through the database, so any number of
/// instances may run passes at once: a reminder or digest is written by whoever inserts its unique
/// key first, and an e-mail is sent by whoever's conditional UPDATE claims it.
/// </summary>
public class NotificationDispatcher(
    AppDbContext db,
    IEmailSender sender,
    Notifier notifier,
    EmailRenderer renderer,
    Outbox outbox,
    UnsubscribeTokens unsubscribe,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<DispatchPass> RunOnceAsync(string workerId, CancellationToken ct = default)
    {
        var reminders = await QueueRemindersAsync(ct) + await QueueFollowUpRemindersAsync(ct);
        var digests = await QueueDigestsAsync(ct);
        var (sent, retried, failed) = await DeliverAsync(workerId, ct);
        return new DispatchPass(reminders, digests, sent, retried, failed);
    }

    /// <summary>Reminders for stages the team can still hand in (ReminderSchedule says which one, in Argentina days).</summary>
    public async Task<int> QueueRemindersAsync(CancellationToken ct = default)
    {
        var now = Now;
        var horizon = now.AddDays(ReminderSchedule.DaysBefore + 1);
        var stages = await db.ProjectStages.AsNoTracking()
            .Where(s => s.StageDefinition.HasTeamForm && s.StageDefinition.DueAtUtc != null && s.StageDefinition.DueAtUtc <= horizon
                && (s.State == StageState.Available || s.State == StageState.InProgress || s.State == StageState.ChangesRequested)
                && s.Project.Edition.Phase == EditionPhase.Running && s.Project.Edition.StartsAtUtc <= now && (s.Project.Edition.EndsAtUtc == null || s.Project.Edition.EndsAtUtc > now))
            .Select(s => new { s.Id, s.ProjectId, s.Project.EditionId, Municipality = s.Project.Municipality.Name, s.StageDefinition.Name, s.StageDefinition.Key, Due = s.StageDefinition.DueAtUtc!.Value })
            .ToListAsync(ct);
        var due = stages.Select(s => (Stage: s, Kind: ReminderSchedule.Due(s.Due, now)))
            .Where(d => d.Kind is not null)
            .Select(d => (d.Stage, Kind: d.Kind!.Value, Key: ReminderSchedule.Key(d.Stage.Id, d.Kind!.Value, d.Stage.Due)))
            .ToList();
        var keys = due.Select(d => d.Key).ToList();
        var done = (await db.ScheduledSends.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(ct)).ToHashSet();
        var queued = 0;
        foreach (var (stage, kind, key) in due.Where(d => !done.Contains(d.Key)))
        {
            var detail = kind == PortalEventKind.Overdue
                ? $"Venció el {ArgentinaClock.DateTimeText(stage.Due)}. Todavía pueden entregarla: la coordinación ve la etapa como vencida."
                : $"Vence el {ArgentinaClock.DateTimeText(stage.Due)} (hora de Argentina).";
            await notifier.RaiseAsync(new PortalEvent(kind, null, stage.Name, $"/proyectos/{stage.ProjectId}/etapas/{stage.Key}")
            {
                ProjectId = stage.ProjectId,
                EditionId = stage.EditionId,
                Municipality = stage.Municipality,
                Detail = detail,
            });
            if (await ClaimAndSaveAsync(key, ct))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// After the panel, a reminder to the team of each project under follow-up whose reporting period
    /// is ending (ReportingSchedule) and has not reported every indicator in it. A reopened panel
    /// (the project no longer closed) or a follow-up past its last target date reminds no more.
    /// </summary>
    public async Task<int> QueueFollowUpRemindersAsync(CancellationToken ct = default)
    {
        var today = ArgentinaTime.LocalDate(Now);
        var periodMonths = options.Value.FollowUpPeriodMonths;
        var projects = await db.ProjectStages.AsNoTracking()
            .Where(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State == StageState.Approved && s.ApprovedAtUtc != null
                && db.FollowUpIndicators.Any(i => i.ProjectId == s.ProjectId))
            .Select(s => new
            {
                s.ProjectId,
                s.Project.EditionId,
                Municipality = s.Project.Municipality.Name,
                ClosedAtUtc = s.ApprovedAtUtc!.Value,
                Indicators = db.FollowUpIndicators.Where(i => i.ProjectId == s.ProjectId)
                    .Select(i => new { i.TargetDate, Latest = i.Measurements.OrderByDescending(m => m.MeasuredOn).Select(m => (DateOnly?)m.MeasuredOn).FirstOrDefault() })
                    .ToList(),
            })
            .ToListAsync(ct);
        var due = projects
            .Select(p =>
            {
                var closedOn = ArgentinaTime.LocalDate(p.ClosedAtUtc);
                var period = ReportingSchedule.Due(closedOn, ReportingSchedule.FollowUpEnds(closedOn, p.Indicators.Select(i => i.TargetDate)), today, periodMonths);
                return (Project: p, Period: period);
            })
            .Where(d => d.Period is { } period && !ReportingSchedule.IsReported(period, d.Project.Indicators.Select(i => i.Latest)))
            .Select(d => (d.Project, Period: d.Period!, Key: ReportingSchedule.Key(d.Project.ProjectId, d.Period!.End)))
            .ToList();
        var keys = due.Select(d => d.Key).ToList();
        var done = (await db.ScheduledSends.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(ct)).ToHashSet();
        var queued = 0;
        foreach (var (project, period, key) in due.Where(d => !done.Contains(d.Key)))
        {
            await notifier.RaiseAsync(new PortalEvent(PortalEventKind.FollowUpReportDue, null, ArgentinaClock.DateText(period.End), $"/proyectos/{project.ProjectId}/seguimiento")
            {
                ProjectId = project.ProjectId,
                EditionId = project.EditionId,
                Municipality = project.Municipality,
                Detail = $"El período de seguimiento va del {ArgentinaClock.DateText(period.Start)} al {ArgentinaClock.DateText(period.End)}. "
                    + "Cargá el valor medido de cada indicador y el estado de las actividades del plan de implementación.",
            });
            if (await ClaimAndSaveAsync(key, ct))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// From DigestHour (Argentina) on, each person with notices waiting from before today gets one
    /// e-mail gathering them; the digest's key (person and day) makes it one even with several workers.
    /// </summary>
    public async Task<int> QueueDigestsAsync(CancellationToken ct = default)
    {
        var now = Now;
        if (ArgentinaTime.ToLocal(now).Hour < options.Value.DigestHour)
        {
            return 0;
        }

        var today = ArgentinaTime.LocalDate(now);
        var startOfToday = ArgentinaTime.ToUtc(today);
        var people = await db.Notifications.AsNoTracking()
            .Where(n => n.Digest == DigestState.Waiting && n.CreatedAtUtc < startOfToday)
            .Select(n => new { n.RecipientId, n.Recipient.Email, n.Recipient.DisplayName })
            .Distinct().ToListAsync(ct);
        var queued = 0;
        foreach (var person in people.Where(p => !string.IsNullOrEmpty(p.Email)))
        {
            var key = ReminderSchedule.DigestKey(person.RecipientId, today.AddDays(-1));
            var notices = await db.Notifications
                .Where(n => n.RecipientId == person.RecipientId && n.Digest == DigestState.Waiting && n.CreatedAtUtc < startOfToday)
                .OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.Id).ToListAsync(ct);
            foreach (var notice in notices)
            {
                notice.Digest = DigestState.Sent;
            }

            var items = notices.Select(n => new EmailItemViewModel(n.Title, n.Body, outbox.AbsoluteLink(n.LinkPath), ArgentinaClock.DateTimeText(n.CreatedAtUtc))).ToList();
            var subject = notices.Count == 1 ? "Tu resumen diario: 1 novedad" : $"Tu resumen diario: {notices.Count} novedades";
            var rendered = await renderer.RenderAsync(new EmailViewModel($"Hola, {person.DisplayName}:", subject,
                "Estas son las novedades del Programa de Innovación que elegiste recibir en un resumen diario.", items,
                notices.Select(n => n.Category).Distinct().Order().Select(c => unsubscribe.For(person.RecipientId, c)).ToList()));
            outbox.Queue(person.Email!, subject, rendered, NotificationCategory.Digest, person.RecipientId, null);
            if (await ClaimAndSaveAsync(key, ct))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// Saves what was added with the once-only key. Another instance that inserted the key first
    /// makes this SaveChanges fail on the unique index: nothing of ours is written.
    /// </summary>
    private async Task<bool> ClaimAndSaveAsync(string key, CancellationToken ct)
    {
        db.ScheduledSends.Add(new ScheduledSend { Key = key, CreatedAtUtc = Now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("«{Key}» ya lo envió otra instancia", key);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Sends the e-mails that are due, each claimed first; a failure waits longer each time (exponential backoff).</summary>
    public async Task<(int Sent, int Retried, int Failed)> DeliverAsync(string workerId, CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = Now;
        var ids = await db.OutgoingEmails.AsNoTracking()
            .Where(e => e.Status == EmailStatus.Pending && e.NextAttemptAtUtc <= now && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(settings.BatchSize).ToListAsync(ct);
        int sent = 0, retried = 0, failed = 0;
        foreach (var id in ids)
        {
            var until = Now.AddSeconds(settings.ClaimSeconds);
            var claimed = await db.OutgoingEmails
                .Where(e => e.Id == id && e.Status == EmailStatus.Pending && (e.ClaimedUntilUtc == null || e.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, workerId).SetProperty(e => e.ClaimedUntilUtc, until), ct);
            if (claimed == 0)
            {
                continue; // another worker has it
            }

            var email = await db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id, ct);
            var attempts = email.Attempts + 1;
            try
            {
                await sender.SendAsync(new EmailMessage(email.To, email.Subject, email.TextBody, email.HtmlBody), ct);
                var sentAt = Now;
                await db.OutgoingEmails.Where(e => e.Id == id && e.ClaimedBy == workerId).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, EmailStatus.Sent).SetProperty(e => e.SentAtUtc, sentAt).SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.LastError, (string?)null).SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                var giveUp = attempts >= settings.MaxAttempts;
                var next = Now + settings.RetryDelay(attempts);
                var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                logger.LogWarning(ex, "No se pudo enviar el correo {Id} (intento {Attempts})", id, attempts);
                await db.OutgoingEmails.Where(e => e.Id == id && e.ClaimedBy == workerId).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, giveUp ? EmailStatus.Failed : EmailStatus.Pending).SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.NextAttemptAtUtc, next).SetProperty(e => e.LastError, error)
                    .SetProperty(e => e.ClaimedBy, (string?)null).SetProperty(e => e.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                if (giveUp)
                {
                    failed++;
                }
                else
                {
                    retried++;
                }
            }
        }

        return (sent, retried, failed);
    }
}

/// <summary>Runs the dispatcher every Notifications:PollSeconds in each app instance (Notifications:WorkerEnabled).</summary>
public class NotificationWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationWorker> logger) : BackgroundService
{
    /// <summary>Names this instance in the claims it takes (and in the delivery log's diagnostics).</summary>
    public string WorkerId { get; } = NewWorkerId();

    public static string NewWorkerId()
    {
        var id = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return id.Length <= 100 ? id : id[^100..];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(WorkerId, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A database that is briefly away must not stop the worker: the next pass tries again.
                logger.LogError(ex, "Falló una pasada del envío de avisos");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
