using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <param name="Errors">Validation errors of a submit (the content was kept as a draft).</param>
public sealed record SaveOutcome(DraftSaveResult Result, IReadOnlyList<FieldError> Errors)
{
    public bool Submitted => Result.Status == DraftSaveStatus.Saved && Errors.Count == 0;
}

/// <summary>
/// What people do on a stage: save, submit, upload, comment, review, unlock, reopen. Callers
/// authorize first (ProjectAccess); every change leaves an audit entry.
/// </summary>
public class StageCommands(AppDbContext db, DeliverableDrafts drafts, StageTransitions transitions, AuditLog audit, IFileStore files, UploadOptions uploads, TimeProvider time)
{
    /// <summary>
    /// Saves the typed content as a revision. On submit the content is validated first; with errors
    /// it is still kept as a draft revision (nothing typed is lost) and the errors are returned.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(StageInfo stage, JsonObject content, ClaimsPrincipal user, int expectedVersion, bool submit)
    {
        await KeepOwnAttachmentsOnlyAsync(stage, content);
        if (stage.ContentJson is not null)
        {
            FormContentReader.KeepRetired(content, DeliverableContent.Parse(stage.ContentJson).Root, stage.Schema);
        }

        var errors = submit ? ContentValidator.Validate(stage.Schema, content) : [];
        var kind = submit && errors.Count == 0 ? RevisionKind.Submission : RevisionKind.Draft;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var result = await db.InTransactionAsync(async () =>
        {
            // DeliverableDrafts saves (a first save creates the deliverable whose id the entry records).
            var saved = await drafts.SaveAsync(stage.StageId, content, userId, expectedVersion, kind);
            if (saved.Status == DraftSaveStatus.Saved)
            {
                audit.Record(user, kind == RevisionKind.Submission ? AuditActions.StageSubmitted : AuditActions.DraftSaved, nameof(Deliverable), saved.DeliverableId,
                    $"{stage.Municipality} · {stage.Name} · revisión {saved.RevisionNumber}");
                await db.SaveChangesAsync();
            }

            return saved;
        });

        return new SaveOutcome(result, errors);
    }

    /// <summary>Attachment ids in posted content must be files of this deliverable (no borrowing other teams' files).</summary>
    private async Task KeepOwnAttachmentsOnlyAsync(StageInfo stage, JsonObject content)
    {
        var fields = stage.Schema.Fields.Where(f => f.Type == FieldType.Attachments).Select(f => f.Key).ToList();
        if (fields.Count == 0 || !fields.Any(content.ContainsKey))
        {
            return;
        }

        var own = stage.DeliverableId is { } id
            ? (await db.Attachments.Where(a => a.DeliverableId == id).Select(a => a.Id).ToListAsync()).ToHashSet()
            : [];
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

    /// <summary>Checks and stores an uploaded file for an attachments field; the caller then saves the content with its id.</summary>
    public async Task<CommandResult<int>> UploadAsync(StageInfo stage, string fieldKey, IFormFile? file, ClaimsPrincipal user)
    {
        if (file is null || file.Length == 0)
        {
            return CommandResult.Fail<int>("Elegí un archivo para subir.");
        }

        var displayName = file.FileName;
        if (!IsPlainFileName(displayName))
        {
            return CommandResult.Fail<int>("El nombre del archivo no es válido: no puede incluir carpetas («/», «\\» o «..»). Cambiale el nombre y volvé a subirlo.");
        }

        if (file.Length > uploads.MaxUploadBytes)
        {
            return CommandResult.Fail<int>($"El archivo «{displayName}» pesa {file.Length / 1024.0 / 1024.0:0.#} MB y el máximo es {uploads.MaxUploadText}.");
        }

        await using var stream = file.OpenReadStream();
        var kind = FileTypeDetector.Detect(stream, displayName);
        if (kind is null)
        {
            return CommandResult.Fail<int>($"El archivo «{displayName}» no es de un tipo permitido o su contenido no coincide con su extensión. Tipos permitidos: {FileTypeDetector.AllowedList}.");
        }

        var storedName = await files.SaveAsync(stream);
        Attachment attachment;
        try
        {
            var deliverable = await EnsureDeliverableAsync(stage);
            attachment = new Attachment
            {
                Deliverable = deliverable,
                FieldKey = fieldKey,
                OriginalFileName = displayName,
                StoredName = storedName,
                ContentType = kind.ContentType,
                SizeBytes = file.Length,
                UploadedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                UploadedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Attachments.Add(attachment);
            audit.Record(user, AuditActions.FileUploaded, nameof(Attachment), null, $"{stage.Municipality} · {stage.Name} · {displayName} ({kind.Name})");
            await db.SaveChangesAsync();
        }
        catch
        {
            await files.DeleteAsync(storedName); // the row was not saved: leave no orphan file behind
            throw;
        }

        db.ChangeTracker.Clear();
        return CommandResult.Ok(attachment.Id);
    }

    /// <summary>A display name only: no folders, no control characters, a sensible length.</summary>
    public static bool IsPlainFileName(string name) =>
        name.Length is > 0 and <= 200
        && name.Trim().Length > 0
        && !name.Contains('/', StringComparison.Ordinal)
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Any(char.IsControl);

    public const int MaxCommentLength = 10000;

    /// <summary>Adds a message to the deliverable's thread.</summary>
    public async Task<CommandResult> CommentAsync(StageInfo stage, string? text, ClaimsPrincipal user)
    {
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

            db.Comments.Add(new Comment { Deliverable = deliverable, AuthorId = user.FindFirstValue(ClaimTypes.NameIdentifier)!, BodyMarkdown = body, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
            audit.Record(user, AuditActions.StageCommented, nameof(Deliverable), deliverable.Id, $"{stage.Municipality} · {stage.Name}");
            await db.SaveChangesAsync();
        });
        return CommandResult.Done;
    }

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
    public async Task<WorkflowResult> CoordinateAsync(StageInfo stage, StageAction action, string? comment, ClaimsPrincipal user)
    {
        var tracked = await db.ProjectStages.SingleAsync(s => s.Id == stage.StageId);
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

        audit.Record(user, action switch
        {
            StageAction.Approve => AuditActions.StageApproved,
            StageAction.RequestChanges => AuditActions.ChangesRequested,
            StageAction.Unlock => AuditActions.StageUnlocked,
            StageAction.Reopen => AuditActions.StageReopened,
            _ => action.ToString(),
        }, nameof(ProjectStage), stage.StageId, $"{stage.Municipality} · {stage.Name}{(text is null ? "" : " · " + text)}");
        await db.SaveChangesAsync();
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
