using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <summary>
/// Read models of the stage pages. Each is a fixed number of SQL commands however many revisions,
/// comments or attachments the deliverable has (the integration tests count them).
/// </summary>
public class StageQueries(AppDbContext db, ArgentinaClock clock)
{
    /// <summary>The URL key of the stage an attachment of the project belongs to; null when it is not the project's.</summary>
    public Task<string?> AttachmentStageKeyAsync(int projectId, int attachmentId) =>
        db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.Deliverable.ProjectStage.ProjectId == projectId)
            .Select(a => a.Deliverable.ProjectStage.StageDefinition.Key)
            .SingleOrDefaultAsync();

    public async Task<StageInfo?> GetStageAsync(int projectId, string key)
    {
        var row = await db.ProjectStages.AsNoTracking().AsSplitQuery()
            .Where(s => s.ProjectId == projectId && s.StageDefinition.Key == key)
            .Select(s => new
            {
                s.ProjectId,
                Municipality = s.Project.Municipality.Name,
                s.Id,
                s.StageDefinition.Order,
                s.StageDefinition.Key,
                s.StageDefinition.Role,
                s.StageDefinition.Name,
                s.StageDefinition.Description,
                s.StageDefinition.GuidingQuestions,
                s.StageDefinition.SchemaJson,
                s.StageDefinition.HasTeamForm,
                s.StageDefinition.DueAtUtc,
                s.State,
                s.SubmittedAtUtc,
                StageVersion = s.Version,
                DeliverableId = s.Deliverable == null ? (int?)null : s.Deliverable.Id,
                Version = s.Deliverable == null ? 0 : s.Deliverable.Version,
                ContentJson = s.Deliverable == null ? null : s.Deliverable.ContentJson,
                RevisionCount = s.Deliverable == null ? 0 : s.Deliverable.Revisions.Count,
                Attachments = s.Deliverable!.Attachments.OrderBy(a => a.Id).Select(a => new { a.Id, a.OriginalFileName, a.SizeBytes }).ToList(),
                Comments = s.Deliverable!.Comments.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
                    .Select(c => new CommentView(c.Id, c.Author.DisplayName, c.BodyMarkdown, c.CreatedAtUtc,
                        c.ByMentor ? (c.Author.Organization == null ? "" : c.Author.Organization.Name) : null)).ToList(),
                s.StageDefinitionId,
                EditionPhase = s.Project.Edition.Phase,
                ReadyForFeedback = s.Deliverable != null && s.Deliverable.ReadyForFeedback,
                PanelPublishedAtUtc = db.PanelPublications.Where(p => p.ProjectId == s.ProjectId).Select(p => (DateTime?)p.PublishedAtUtc).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        return new StageInfo(row.ProjectId, row.Municipality, row.Id, row.Order, row.Key, row.Name, row.Description, row.GuidingQuestions,
            row.SchemaJson, row.HasTeamForm, row.DueAtUtc, row.State, row.SubmittedAtUtc, row.DeliverableId, row.Version, row.ContentJson,
            row.RevisionCount,
            row.Attachments.Select(a => new AttachmentLink(a.Id, a.OriginalFileName, a.SizeBytes, StageUrls.Attachment(row.ProjectId, a.Id))).ToList(),
            row.Comments, row.StageVersion)
        {
            PanelPublishedAtUtc = row.PanelPublishedAtUtc,
            Role = row.Role,
            StageDefinitionId = row.StageDefinitionId,
            EditionPhase = row.EditionPhase,
            ReadyForFeedback = row.ReadyForFeedback,
        };
    }

    /// <summary>The review page: the stage with its last submission compared with the one before (one more command).</summary>
    public async Task<ReviewPageViewModel> ReviewAsync(StageInfo stage, string comment = "", string? commentError = null, string? threadText = null, string? threadError = null)
    {
        // Separate query: a "top 2 per parent" inside the stage's projection needs APPLY, which SQLite lacks.
        var submissions = stage.DeliverableId is { } deliverableId
            ? await db.DeliverableRevisions.AsNoTracking()
                .Where(r => r.DeliverableId == deliverableId && r.Kind == RevisionKind.Submission)
                .OrderByDescending(r => r.Number).Take(2)
                .Select(r => new SubmissionView(r.Number, r.ContentJson, r.Author.DisplayName, r.CreatedAtUtc,
                    db.DeliverableRevisions.Count(o => o.DeliverableId == deliverableId && o.Kind == RevisionKind.Submission && o.Number <= r.Number)))
                .ToListAsync()
            : [];
        var latest = submissions.Count > 0 ? submissions[0] : null;
        var previous = submissions.Count > 1 ? submissions[1] : null;
        var changes = latest is not null && previous is not null
            ? DeliverableDiff.Compare(stage.Schema, DeliverableContent.Parse(previous.ContentJson).Root, DeliverableContent.Parse(latest.ContentJson).Root)
            : null;
        return new ReviewPageViewModel { Stage = stage, Latest = latest, Previous = previous, Changes = changes, Comment = comment, CommentError = commentError, ThreadText = threadText, ThreadError = threadError };
    }

    public Task<List<RevisionRow>> RevisionsAsync(int deliverableId) =>
        db.DeliverableRevisions.AsNoTracking().Where(r => r.DeliverableId == deliverableId).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.Kind, r.Author.DisplayName, r.CreatedAtUtc)).ToListAsync();

    /// <summary>The two revisions to compare and the list of numbers for the picker (two commands).</summary>
    public async Task<CompareViewModel?> CompareAsync(StageInfo stage, int from, int to)
    {
        if (stage.DeliverableId is not { } deliverableId)
        {
            return null;
        }

        var pair = await db.DeliverableRevisions.AsNoTracking()
            .Where(r => r.DeliverableId == deliverableId && (r.Number == from || r.Number == to))
            .Select(r => new { Row = new RevisionRow(r.Number, r.Kind, r.Author.DisplayName, r.CreatedAtUtc), r.ContentJson })
            .ToListAsync();
        var before = pair.FirstOrDefault(p => p.Row.Number == from);
        var after = pair.FirstOrDefault(p => p.Row.Number == to);
        if (before is null || after is null)
        {
            return null;
        }

        var numbers = await db.DeliverableRevisions.AsNoTracking().Where(r => r.DeliverableId == deliverableId).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync();
        var changes = DeliverableDiff.Compare(stage.Schema, DeliverableContent.Parse(before.ContentJson).Root, DeliverableContent.Parse(after.ContentJson).Root);
        return new CompareViewModel(stage, before.Row, after.Row, changes, numbers);
    }

    /// <summary>How many submissions one page of the review queue lists.</summary>
    public const int QueuePageSize = 50;

    /// <summary>
    /// Submitted deliverables of every project, oldest submission first, one page at a time: with
    /// hundreds of projects the queue is too long for one page (issue 14). One SQL command for the
    /// page and the total (<see cref="QueryFunctions.TotalRows"/>); three for a page past the last.
    /// </summary>
    /// <param name="scope">The editions the coordinator coordinates; null for all.</param>
    public async Task<ReviewQueueViewModel> ReviewQueueAsync(IReadOnlySet<int>? scope, int page = 1)
    {
        var submitted =
            from s in db.ProjectStages.AsNoTracking()
            join p in db.Projects on s.ProjectId equals p.Id
            where s.State == StageState.Submitted && (scope == null || scope.Contains(p.EditionId))
            select new { Stage = s, p.MunicipalityId };
        // Explicit joins, not navigations: EF joins what only the projection reads around the page
        // (a subquery), and the count would then count the page.
        var ordered =
            from x in submitted
            join m in db.Municipalities on x.MunicipalityId equals m.Id
            join d in db.StageDefinitions on x.Stage.StageDefinitionId equals d.Id
            orderby x.Stage.SubmittedAtUtc ?? x.Stage.StateChangedAtUtc, x.Stage.Id
            select new QueuePageRow(x.Stage.ProjectId, m.Name, d.Key, d.Name, d.Order, x.Stage.SubmittedAtUtc ?? x.Stage.StateChangedAtUtc, d.DueAtUtc, QueryFunctions.TotalRows());
        var (rows, total, shown) = await ordered.PageWithTotalAsync(r => r.Total, page, QueuePageSize, () => submitted.CountAsync());

        return new ReviewQueueViewModel(
            rows.Select(r => new QueueRow(r.ProjectId, r.Municipality, r.Key, r.Name, r.Order, r.Submitted, clock.DaysSince(r.Submitted)) { DueAtUtc = r.DueAtUtc }).ToList(),
            Pager.Of(total, shown, QueuePageSize, "/revision", new Dictionary<string, string?>(), "entregas"));
    }

    private sealed record QueuePageRow(int ProjectId, string Municipality, string Key, string Name, int Order, DateTime Submitted, DateTime? DueAtUtc, long Total);

    public async Task<TimelineViewModel?> TimelineAsync(int projectId)
    {
        var municipality = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Municipality.Name).SingleOrDefaultAsync();
        if (municipality is null)
        {
            return null;
        }

        return new TimelineViewModel(projectId, municipality, await TimelineRowsAsync(projectId));
    }

    /// <summary>Every stage event of a project, oldest first (one SQL command): the timeline page and the dossier.</summary>
    public Task<List<TimelineRow>> TimelineRowsAsync(int projectId) =>
        db.StageEvents.AsNoTracking()
            .Where(e => e.ProjectId == projectId)
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id)
            .Select(e => new TimelineRow(e.OccurredAtUtc, e.ProjectStage.StageDefinition.Name, e.Action, e.FromState, e.ToState, e.Actor == null ? "Sistema" : e.Actor.DisplayName, e.Comment))
            .ToListAsync();

    /// <summary>The stages of an edition (the newest when none is given) with their due dates in Argentina time.</summary>
    public async Task<DeadlinesViewModel?> DeadlinesAsync(int? editionId, IReadOnlySet<int>? scope)
    {
        var editions = await db.Editions.AsNoTracking().Where(e => scope == null || scope.Contains(e.Id)).OrderByDescending(e => e.StartsAtUtc).Select(e => new { e.Id, e.Name }).ToListAsync();
        var edition = editionId is { } id ? editions.FirstOrDefault(e => e.Id == id) : editions.FirstOrDefault();
        if (edition is null)
        {
            return null;
        }

        var stages = await db.StageDefinitions.AsNoTracking().Where(d => d.EditionId == edition.Id).OrderBy(d => d.Order)
            .Select(d => new { d.Id, d.Order, d.Name, d.DueAtUtc }).ToListAsync();
        return new DeadlinesViewModel
        {
            EditionId = edition.Id,
            EditionName = edition.Name,
            Editions = editions.Select(e => (e.Id, e.Name)).ToList(),
            Stages = stages.Select(s => new DeadlineRow { StageDefinitionId = s.Id, Order = s.Order, Name = s.Name, Due = s.DueAtUtc is { } due ? DeadlineText.ToInput(due) : null }).ToList(),
        };
    }
}

/// <summary>Due dates as a datetime-local input shows them: Argentina wall-clock time.</summary>
public static class DeadlineText
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static string ToInput(DateTime utc) => ArgentinaClock.ToLocal(utc).ToString(InputFormat, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Argentina local "2021-08-10T18:00" (or a bare date, read as 23:59) to UTC; null when it does not parse.</summary>
    public static DateTime? FromInput(string text)
    {
        var value = text.Trim();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        const System.Globalization.DateTimeStyles styles = System.Globalization.DateTimeStyles.None;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, styles, out var day))
        {
            return ArgentinaClock.EndOfLocalDay(day);
        }

        return DateTime.TryParseExact(value, [InputFormat, "yyyy-MM-dd'T'HH:mm:ss"], invariant, styles, out var local) ? ArgentinaClock.ToUtc(local) : null;
    }
}
