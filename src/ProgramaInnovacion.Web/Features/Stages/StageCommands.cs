using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <param name="Errors">
/// What a person must look at, beside its field: on a submit, every validation error (the content
/// was kept as a draft); on a draft save, what could not be read or was cut to its limit (the draft
/// keeps it as typed).
/// </param>
public sealed record SaveOutcome(DraftSaveResult Result, IReadOnlyList<FieldError> Errors)
{
    public bool Submitted => Result.Status == DraftSaveStatus.Saved && Errors.Count == 0;
}

/// <param name="AttachmentIds">The stored files, in the order they were sent (empty when refused).</param>
public sealed record UploadOutcome(string? Error, IReadOnlyList<int> AttachmentIds);

/// <summary>
/// What people do on a stage: save, submit, upload, comment, review, unlock, reopen. Callers
/// authorize first (ProjectAccess); every change leaves an audit entry.
/// </summary>
public class StageCommands(AppDbContext db, DeliverableDrafts drafts, StageTransitions transitions, AuditLog audit, IFileStore files, UploadOptions uploads, Notifier notifier, TimeProvider time)
{
    /// <summary>
    /// Saves the typed content as a revision. On submit the content is validated first; with errors
    /// it is still kept as a draft revision (nothing typed is lost) and the errors are returned. A
    /// draft is checked too (ContentValidator.ValidateDraft): what it finds is saved as typed and
    /// returned, so the page can say so beside each field.
    /// </summary>
    /// <param name="readProblems">What the form reader could not take as it came (FormReading.Problems).</param>
    public async Task<SaveOutcome> SaveAsync(StageInfo stage, JsonObject content, ClaimsPrincipal user, int expectedVersion, bool submit, IReadOnlyList<FieldError>? readProblems = null)
    {
        if (stage.EditionClosed)
        {
            return new SaveOutcome(new DraftSaveResult(DraftSaveStatus.Denied, stage.Version, EditionLifecycle.ClosedMessage), []);
        }

        KeepOwnAttachmentsOnly(stage, content);
        if (stage.ContentJson is not null)
        {
            FormContentReader.KeepRetired(content, DeliverableContent.Parse(stage.ContentJson).Root, stage.Schema);
        }

        var size = DeliverableContent.Serialize(content).Length;
        if (size > ContentLimits.MaxContentChars)
        {
            return new SaveOutcome(new DraftSaveResult(DraftSaveStatus.Denied, stage.Version, ContentLimits.TooLargeMessage(size)), []);
        }

        List<FieldError> errors = [.. readProblems ?? [], .. submit ? ContentValidator.Validate(stage.Schema, content) : ContentValidator.ValidateDraft(stage.Schema, content)];
        var kind = submit && errors.Count == 0 ? RevisionKind.Submission : RevisionKind.Draft;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var result = await db.InTransactionAsync(async () =>
        {
            // DeliverableDrafts saves (a first save creates the deliverable whose id the entry records).
            var saved = await drafts.SaveAsync(stage.StageId, content, userId, expectedVersion, kind);
            if (saved.Status == DraftSaveStatus.Saved)
            {
                audit.Record(user, kind == RevisionKind.Submission ? AuditActions.StageSubmitted : AuditActions.DraftSaved, nameof(Deliverable), saved.DeliverableId,
                    $"{stage.Municipality} · {stage.Name} · versión {saved.RevisionNumber}");
                if (kind == RevisionKind.Submission)
                {
                    await notifier.RaiseAsync(StageEvent(PortalEventKind.Submitted, stage, userId, $"/proyectos/{stage.ProjectId}/etapas/{stage.Key}/revision"));
                }

                await db.SaveChangesAsync();
            }

            return saved;
        });

        return new SaveOutcome(result, errors);
    }

    /// <summary>Attachment ids in posted content must be files of this deliverable (no borrowing other teams' files).</summary>
    private static void KeepOwnAttachmentsOnly(StageInfo stage, JsonObject content)
    {
        var fields = stage.Schema.Fields.Where(f => f.Type == FieldType.Attachments).Select(f => f.Key).ToList();
        if (fields.Count == 0 || !fields.Any(content.ContainsKey))
        {
            return;
        }

        // The stage page was read in this request with its files: no second query.
        var own = stage.Attachments.Select(a => a.Id).ToHashSet();
        foreach (var key in fields.Where(content.ContainsKey))
        {
            var ids = new DeliverableContent(content).AttachmentIds(key).Where(own.Contains).ToList();
            if (ids.Count == 0)
            {
                content.Remove(key);
            }
            else
            {
                content[key] = new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
            }
        }
    }

    /// <summary>
    /// Checks every uploaded file first and stores them only when all of them are fine (one refused
    /// file refuses the upload: nothing half-done). The caller then saves the content with the ids,
    /// or calls DiscardUploadsAsync when that save is refused.
    /// </summary>
    public async Task<UploadOutcome> UploadAsync(StageInfo stage, string fieldKey, IReadOnlyList<IFormFile> uploaded, ClaimsPrincipal user)
    {
        if (stage.EditionClosed)
        {
            return new UploadOutcome(EditionLifecycle.ClosedMessage, []);
        }

        var sent = uploaded.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (sent.Count == 0 || sent.All(f => f.Length == 0))
        {
            return new UploadOutcome("Elegí un archivo para subir.", []);
        }

        var checkedFiles = new List<(IFormFile File, FileKind Kind)>();
        var problems = new List<string>();
        foreach (var file in sent)
        {
            var (kind, problem) = Check(file);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                checkedFiles.Add((file, kind!));
            }
        }

        if (problems.Count > 0)
        {
            return new UploadOutcome(sent.Count == 1 ? problems[0] : $"No se subió ninguno de los {sent.Count} archivos. {string.Join(" ", problems)}", []);
        }

        var storedNames = new List<string>();
        try
        {
            var deliverable = await EnsureDeliverableAsync(stage);
            var attachments = new List<Attachment>();
            foreach (var (file, kind) in checkedFiles)
            {
                await using var stream = file.OpenReadStream();
                var storedName = await files.SaveAsync(stream);
                storedNames.Add(storedName);
                var attachment = new Attachment
                {
                    Deliverable = deliverable,
                    FieldKey = fieldKey,
                    OriginalFileName = file.FileName,
                    StoredName = storedName,
                    ContentType = kind.ContentType,
                    SizeBytes = file.Length,
                    UploadedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                    UploadedAtUtc = time.GetUtcNow().UtcDateTime,
                };
                attachments.Add(attachment);
                db.Attachments.Add(attachment);
                audit.Record(user, AuditActions.FileUploaded, nameof(Attachment), null, $"{stage.Municipality} · {stage.Name} · {file.FileName} ({kind.Name})");
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            return new UploadOutcome(null, attachments.Select(a => a.Id).ToList());
        }
        catch
        {
            foreach (var storedName in storedNames)
            {
                await files.DeleteAsync(storedName); // the rows were not saved: leave no orphan file behind
            }

            throw;
        }
    }

    private (FileKind? Kind, string? Problem) Check(IFormFile file) => UploadCheck.Check(file, uploads);


    /// <summary>
    /// Removes files just uploaded whose draft save was then refused (someone saved first, or the
    /// stage stopped being editable): a refused upload leaves neither a row nor bytes behind.
    /// </summary>
    public async Task DiscardUploadsAsync(StageInfo stage, IReadOnlyList<int> attachmentIds, ClaimsPrincipal user)
    {
        var discarded = await db.Attachments.Where(a => attachmentIds.Contains(a.Id)).ToListAsync();
        db.Attachments.RemoveRange(discarded);
        foreach (var attachment in discarded)
        {
            audit.Record(user, AuditActions.FileDiscarded, nameof(Attachment), attachment.Id, $"{stage.Municipality} · {stage.Name} · {attachment.OriginalFileName} (no se guardó el borrador)");
        }

        await db.SaveChangesAsync();
        foreach (var attachment in discarded)
        {
            await files.DeleteAsync(attachment.StoredName);
        }
    }

    /// <summary>A display name only: no folders, no control characters, a sensible length.</summary>
    public static bool IsPlainFileName(string name) => UploadCheck.IsPlainFileName(name);

    public const int MaxCommentLength = 10000;

    /// <summary>Adds a message to the deliverable's thread.</summary>
    /// <param name="byMentor">Written by an assigned mentor: the thread labels it with their organisation.</param>
    public async Task<CommandResult> CommentAsync(StageInfo stage, string? text, ClaimsPrincipal user, bool byMentor = false)
    {
        if (stage.EditionClosed)
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            return CommandResult.Fail("Escribí el comentario antes de enviarlo.");
        }

        if (body.Length > MaxCommentLength)
        {
            return CommandResult.Fail($"El comentario admite como máximo {MaxCommentLength:N0} caracteres.");
        }

        await db.InTransactionAsync(async () =>
        {
            var deliverable = await EnsureDeliverableAsync(stage);
            if (deliverable.Id == 0)
            {
                await db.SaveChangesAsync(); // the first comment creates the deliverable: the audit entry needs its id
            }

            var authorId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            db.Comments.Add(new Comment { Deliverable = deliverable, AuthorId = authorId, BodyMarkdown = body, CreatedAtUtc = time.GetUtcNow().UtcDateTime, ByMentor = byMentor });
            audit.Record(user, AuditActions.StageCommented, nameof(Deliverable), deliverable.Id, $"{stage.Municipality} · {stage.Name}{(byMentor ? " (mentoría)" : "")}");
            // "The other side": a team member's comment goes to the coordination, anyone else's to the team.
            var byTeam = await db.ProjectMembers.AnyAsync(m => m.ProjectId == stage.ProjectId && m.UserId == authorId);
            await notifier.RaiseAsync(StageEvent(byTeam ? PortalEventKind.CommentByTeam : PortalEventKind.CommentByCoordination, stage, authorId, StagePath(stage)) with
            {
                Detail = NotificationTexts.Excerpt(body),
            });
            await db.SaveChangesAsync();
        });
        return CommandResult.Done;
    }

    /// <summary>The team marks its draft ready for the mentors' feedback, or takes it back; only while the team can edit the stage.</summary>
    public async Task<CommandResult> SetReadyForFeedbackAsync(StageInfo stage, bool ready, ClaimsPrincipal user)
    {
        if (stage.EditionClosed)
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        if (!StageWorkflow.IsEditableByTeam(stage.State) || !stage.HasTeamForm)
        {
            return CommandResult.Fail("Solo se comparte un borrador mientras el equipo puede editar la etapa; lo entregado ya lo leen los mentores asignados.");
        }

        await db.InTransactionAsync(async () =>
        {
            var deliverable = await EnsureDeliverableAsync(stage);
            deliverable.ReadyForFeedback = ready;
            if (deliverable.Id == 0)
            {
                await db.SaveChangesAsync(); // the audit entry needs the deliverable's id
            }

            audit.Record(user, ready ? AuditActions.DraftSharedWithMentors : AuditActions.DraftUnsharedWithMentors, nameof(Deliverable), deliverable.Id, $"{stage.Municipality} · {stage.Name}");
            await db.SaveChangesAsync();
        });
        return CommandResult.Done;
    }

    private static string StagePath(StageInfo stage) => $"/proyectos/{stage.ProjectId}/etapas/{stage.Key}";

    private static PortalEvent StageEvent(PortalEventKind kind, StageInfo stage, string? actorId, string linkPath) =>
        new(kind, actorId, stage.Name, linkPath) { ProjectId = stage.ProjectId, Municipality = stage.Municipality };

    private async Task<Deliverable> EnsureDeliverableAsync(StageInfo stage)
    {
        var deliverable = await db.Deliverables.SingleOrDefaultAsync(d => d.ProjectStageId == stage.StageId);
        if (deliverable is null)
        {
            deliverable = new Deliverable { ProjectStageId = stage.StageId, ContentJson = "{}", UpdatedAtUtc = time.GetUtcNow().UtcDateTime };
            db.Deliverables.Add(deliverable);
        }

        return deliverable;
    }

    /// <summary>
    /// A coordinator's transition (approve, request changes, unlock, reopen). The comment of a
    /// review also goes to the deliverable's thread, so the team reads it where they work.
    /// </summary>
    /// <param name="expectedVersion">The stage version the coordinator's page showed; null skips the check.</param>
    public async Task<WorkflowResult> CoordinateAsync(StageInfo stage, StageAction action, string? comment, ClaimsPrincipal user, int? expectedVersion = null)
    {
        if (stage.EditionClosed)
        {
            return WorkflowResult.Denied(EditionLifecycle.ClosedMessage);
        }

        var tracked = await db.ProjectStages.SingleAsync(s => s.Id == stage.StageId);
        if (expectedVersion is { } expected && tracked.Version != expected)
        {
            // The stage changed since the page was read (e.g. a new submission): deciding on what
            // the coordinator did not see would be a lost update.
            return WorkflowResult.Denied(ConcurrencyConflict.Message);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > MaxCommentLength })
        {
            return WorkflowResult.Denied($"El comentario admite como máximo {MaxCommentLength:N0} caracteres.");
        }

        var result = await transitions.ApplyAsync(tracked, action, WorkflowActor.Coordinator, userId, text);
        if (!result.Allowed)
        {
            return result;
        }

        if (text is not null && action is StageAction.Approve or StageAction.RequestChanges)
        {
            var deliverable = await EnsureDeliverableAsync(stage);
            db.Comments.Add(new Comment { Deliverable = deliverable, AuthorId = userId!, BodyMarkdown = text, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        }

        await notifier.RaiseAsync(StageEvent(action switch
        {
            StageAction.Approve => PortalEventKind.Approved,
            StageAction.RequestChanges => PortalEventKind.ChangesRequested,
            StageAction.Reopen => PortalEventKind.Reopened,
            _ => PortalEventKind.StageOpened,
        }, stage, userId, StagePath(stage)) with
        { Detail = text is null ? null : NotificationTexts.Excerpt(text) });
        audit.Record(user, action switch
        {
            StageAction.Approve => AuditActions.StageApproved,
            StageAction.RequestChanges => AuditActions.ChangesRequested,
            StageAction.Unlock => AuditActions.StageUnlocked,
            StageAction.Reopen => AuditActions.StageReopened,
            _ => action.ToString(),
        }, nameof(ProjectStage), stage.StageId, $"{stage.Municipality} · {stage.Name}{(text is null ? "" : " · " + text)}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another coordinator changed the stage (or the next one) between our read and our
            // save. SaveChanges wrote nothing: no state, event, comment, audit entry or next stage.
            db.ChangeTracker.Clear();
            return WorkflowResult.Denied(ConcurrencyConflict.Message);
        }

        return result;
    }

    /// <summary>Saves the due dates typed in Argentina time; returns false (with row errors set) when one does not parse.</summary>
    public async Task<bool> SaveDeadlinesAsync(int editionId, IReadOnlyList<DeadlineRow> rows, ClaimsPrincipal user)
    {
        var definitions = await db.StageDefinitions.Where(d => d.EditionId == editionId).ToListAsync();
        var ok = true;
        foreach (var row in rows)
        {
            var definition = definitions.FirstOrDefault(d => d.Id == row.StageDefinitionId);
            if (definition is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Due))
            {
                definition.DueAtUtc = null;
            }
            else if (DeadlineText.FromInput(row.Due) is { } due)
            {
                definition.DueAtUtc = due;
            }
            else
            {
                row.Error = $"La fecha de «{definition.Name}» no es válida: usá día, mes, año y hora.";
                ok = false;
            }
        }

        if (!ok)
        {
            return false;
        }

        audit.Record(user, AuditActions.DeadlinesEdited, nameof(ProgramEdition), editionId,
            string.Join("; ", definitions.OrderBy(d => d.Order).Select(d => $"{d.Key}: {(d.DueAtUtc is { } u ? DeadlineText.ToInput(u) : "sin fecha")}")));
        await db.SaveChangesAsync();
        return true;
    }
}
