using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <summary>
/// The team's workspace for one stage: the deliverable form, drafts, submission, attachments,
/// comments, revisions and the project timeline. Another team's project answers 404 everywhere.
/// </summary>
[Authorize]
[Route("proyectos/{id:int}")]
public class StagesController(IAuthorizationService authorization, ProjectAccess access, StageQueries queries, StageCommands commands, DeliverableAttachments attachments, IAntiforgery antiforgery, UploadOptions uploads, Home.TeamHome teamHome) : Controller
{
    private async Task<bool> IsAllowedAsync(int id, ProjectOperation operation) =>
        (await authorization.AuthorizeAsync(User, new ProjectResource(id), operation)).Succeeded;

    /// <summary>
    /// The stage and what the user may do with it; null (a 404) when they may not read it: another
    /// team's project, or for a mentor a stage not assigned to them or a draft not shared yet.
    /// </summary>
    private async Task<(StageInfo Stage, StagePermissions Permissions)?> StageAsync(int id, string key)
    {
        if (await IsAllowedAsync(id, ProjectOperation.Read))
        {
            var stage = await queries.GetStageAsync(id, key);
            return stage is null ? null : (stage, new StagePermissions(await IsAllowedAsync(id, ProjectOperation.Edit), await IsAllowedAsync(id, ProjectOperation.Review)));
        }

        var shared = User.IsInRole(Core.Domain.Roles.Mentor) ? await queries.GetStageAsync(id, key) : null;
        return shared is not null && await access.MentorMayReadAsync(User, id, shared.StageDefinitionId, shared.State, shared.HasTeamForm, shared.ReadyForFeedback)
            ? (shared, new StagePermissions(CanEdit: false, CanReview: false, AsMentor: true))
            : null;
    }

    [HttpGet("etapas/{key}")]
    public async Task<IActionResult> Show(int id, string key)
    {
        if (await StageAsync(id, key) is not var (stage, permissions))
        {
            return NotFound();
        }

        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await teamHome.RecordVisitAsync(userId, stage.StageId);
        }

        return View("Stage", new StagePageViewModel { Stage = stage, Permissions = permissions, Content = DeliverableContent.Parse(stage.ContentJson).Root, Version = stage.Version });
    }

    /// <summary>The team shares its draft with the assigned mentors ("lista para recibir comentarios") or takes it back.</summary>
    [HttpPost("etapas/{key}/lista-para-comentarios")]
    public async Task<IActionResult> ReadyForFeedback(int id, string key, bool lista)
    {
        var (stage, _, denied) = await EditableStageAsync(id, key);
        if (denied is not null)
        {
            return denied;
        }

        var error = (await commands.SetReadyForFeedbackAsync(stage!, lista, User)).Error;
        TempData[error is null ? "Message" : "Error"] = error ?? (lista
            ? "El borrador quedó listo para recibir comentarios: los mentores asignados ya pueden leerlo."
            : "El borrador dejó de estar compartido con los mentores.");
        return Redirect(stage!.Url);
    }

    // The deliverable form is multipart (it can carry a file), so these actions read the form
    // themselves: see ReadFormAsync.
    [HttpPost("etapas/{key}/guardar")]
    [IgnoreAntiforgeryToken]
    public Task<IActionResult> Save(int id, string key) => SaveOrSubmitAsync(id, key, submit: false);

    [HttpPost("etapas/{key}/entregar")]
    [IgnoreAntiforgeryToken]
    public Task<IActionResult> Submit(int id, string key) => SaveOrSubmitAsync(id, key, submit: true);

    /// <summary>
    /// Reads the posted form, then validates antiforgery explicitly. Null when both are fine; otherwise
    /// the response: a Spanish 413 page when the request is over the size limit (the automatic
    /// antiforgery filter would have failed reading it and answered a bare 400), 400 for a bad token.
    /// </summary>
    private async Task<IActionResult?> ReadFormAsync(int id, string key)
    {
        try
        {
            await Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            if (IsOverTheSizeLimit(e))
            {
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return View("UploadTooLarge", new UploadTooLargeViewModel(StageUrls.Stage(id, key), uploads.MaxUploadText));
            }

            // A cut or malformed body is not a big file: saying "el máximo es 20 MB" sent people to shrink files that were fine.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("FormUnreadable", new UploadTooLargeViewModel(StageUrls.Stage(id, key), uploads.MaxUploadText));
        }

        return await antiforgery.IsRequestValidAsync(HttpContext) ? null : BadRequest();
    }

    /// <summary>
    /// Kestrel answers an over-long body with a 413 BadHttpRequestException; the form reader with
    /// "Multipart body length limit … exceeded" (a body without a declared length). Anything else
    /// (a missing boundary, a body cut short) is a body that could not be read.
    /// </summary>
    private bool IsOverTheSizeLimit(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (e is InvalidDataException && e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal))
        || Request.ContentLength > uploads.MaxUploadBytes + FileStorageSetup.FormOverheadBytes;

    private async Task<IActionResult> SaveOrSubmitAsync(int id, string key, bool submit)
    {
        if (await ReadFormAsync(id, key) is { } unreadable)
        {
            return unreadable;
        }

        var (stage, permissions, denied) = await EditableStageAsync(id, key);
        if (denied is not null)
        {
            return denied;
        }

        var form = FormValues();
        var version = PostedVersion();
        var action = Request.Form["accion"].ToString();
        if (!submit && action.StartsWith("fila:", StringComparison.Ordinal))
        {
            // Without JavaScript "Agregar fila" posts the form: re-render it with one more empty row.
            var withRow = FormContentReader.ReadForm(stage!.Schema, form, keepEmptyRows: true);
            var tableKey = action["fila:".Length..];
            if (stage.Schema.Find(tableKey) is { Type: FieldType.Table })
            {
                (withRow.Content[tableKey] as JsonArray ?? (JsonArray)(withRow.Content[tableKey] = new JsonArray())).Add(new JsonObject());
            }

            return Form(stage, permissions!, withRow.Content, version, message: "Se agregó una fila vacía al final de la tabla. Todavía no se guardó.", errors: withRow.Problems);
        }

        if (!submit && action.StartsWith("vista-previa:", StringComparison.Ordinal))
        {
            var reading = FormContentReader.ReadForm(stage!.Schema, form, keepEmptyRows: true);
            return Form(stage, permissions!, reading.Content, version, previewKey: action["vista-previa:".Length..], errors: reading.Problems);
        }

        var read = FormContentReader.ReadForm(stage!.Schema, form);
        if (submit && !Confirmed() && read.Problems.Count == 0 && ContentValidator.Validate(stage.Schema, read.Content).Count == 0)
        {
            return ConfirmSubmission(stage);
        }

        var outcome = await commands.SaveAsync(stage, read.Content, User, version, submit, read.Problems);
        return Outcome(stage, permissions!, read.Content, outcome, submit);
    }

    private IActionResult Outcome(StageInfo stage, StagePermissions permissions, JsonObject content, SaveOutcome outcome, bool submit, string? savedMessage = null, string? refusedNote = null)
    {
        var result = outcome.Result;
        switch (result.Status)
        {
            case DraftSaveStatus.Conflict:
                var theirs = DeliverableContent.Parse(result.CurrentContentJson).Root;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Stage", new StagePageViewModel
                {
                    Stage = stage,
                    Permissions = permissions,
                    Content = content,
                    Version = result.Version,
                    Conflict = DeliverableDiff.Compare(stage.Schema, theirs, content),
                    FormMessage = $"Otra persona guardó este entregable mientras lo editabas. No se sobrescribió nada{refusedNote}: compará las dos versiones, ajustá el formulario (tiene lo que escribiste) y guardá de nuevo.",
                });
            case DraftSaveStatus.Denied:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Form(stage, permissions, content, result.Version, message: refusedNote is null ? result.Error : $"{result.Error} El archivo no se subió.");
            default:
                break;
        }

        if (submit && outcome.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Stage", new StagePageViewModel
            {
                Stage = stage,
                Permissions = permissions,
                Content = FormContentReader.Read(stage.Schema, FormValues(), keepEmptyRows: true),
                Version = result.Version,
                Errors = outcome.Errors,
                FormMessage = $"No se pudo entregar: hay {(outcome.Errors.Count == 1 ? "1 error" : $"{outcome.Errors.Count} errores")}. Lo que escribiste quedó guardado como borrador (versión {result.RevisionNumber}).",
            });
        }

        if (!submit && outcome.Errors.Count > 0)
        {
            // Saved, but some values are kept as typed or were cut: say so beside each field, now.
            return View("Stage", new StagePageViewModel
            {
                Stage = stage,
                Permissions = permissions,
                Content = content,
                Version = result.Version,
                Errors = outcome.Errors,
                FormMessage = $"{savedMessage ?? $"Borrador guardado (versión {result.RevisionNumber})."} Revisá {(outcome.Errors.Count == 1 ? "1 campo" : $"{outcome.Errors.Count} campos")}: se guardaron como llegaron y hay que corregirlos antes de entregar.",
            });
        }

        TempData["Message"] = savedMessage ?? (outcome.Submitted && submit
            ? $"Entregaste «{stage.Name}». La coordinación la va a revisar; te avisamos cuando haya novedades."
            : $"Borrador guardado (versión {result.RevisionNumber}).");
        return Redirect(stage.Url);
    }

    private ViewResult Form(StageInfo stage, StagePermissions permissions, JsonObject content, int version, string? message = null, string? previewKey = null, IReadOnlyList<FieldError>? errors = null) =>
        View("Stage", new StagePageViewModel { Stage = stage, Permissions = permissions, Content = content, Version = version, FormMessage = message, PreviewKey = previewKey, Errors = errors ?? [] });

    /// <summary>The stage when the user may edit it; otherwise the response to give (404 for other teams, 403, or the read-only page).</summary>
    private async Task<(StageInfo? Stage, StagePermissions? Permissions, IActionResult? Denied)> EditableStageAsync(int id, string key)
    {
        if (await StageAsync(id, key) is not var (stage, permissions))
        {
            return (null, null, NotFound());
        }

        return permissions.CanEdit ? (stage, permissions, null) : (null, null, Forbid());
    }

    private Dictionary<string, IReadOnlyList<string>> FormValues() =>
        Request.Form.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);

    private bool Confirmed() => string.Equals(Request.Form["confirmado"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A submission cannot be taken back by the team, so a complete form asks once more; the
    /// confirmation carries what was typed, and its other button saves it as a draft instead.
    /// An incomplete form skips it: the submission is refused with its errors as before.
    /// </summary>
    private ViewResult ConfirmSubmission(StageInfo stage) => View(ConfirmStepViewModel.View, new ConfirmStepViewModel(
        $"Confirmá la entrega de «{stage.Name}»",
        $"Vas a entregar «{stage.Name}» a la coordinación. Mientras la revisa no vas a poder editarla; si pide cambios, se vuelve a habilitar.",
        [],
        stage.Url + "/entregar",
        ConfirmStepViewModel.PostedValues(Request.Form, "accion"),
        new ConfirmButton("Sí, entregar a la coordinación"),
        new ConfirmButton("No, guardar como borrador", FormAction: stage.Url + "/guardar"),
        stage.Url));

    private int PostedVersion() => int.TryParse(Request.Form["Version"], out var v) ? v : 0;

    /// <summary>
    /// Uploads a file into an attachments field, saving what was typed in the form with it.
    /// </summary>
    [HttpPost("etapas/{key}/adjuntos")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Upload(int id, string key)
    {
        if (await ReadFormAsync(id, key) is { } unreadable)
        {
            return unreadable;
        }

        var (stage, permissions, denied) = await EditableStageAsync(id, key);
        if (denied is not null)
        {
            return denied;
        }

        var form = FormValues();
        var fieldKey = Request.Form["campo"].ToString();
        var reading = FormContentReader.ReadForm(stage!.Schema, form);
        var content = reading.Content;
        var version = PostedVersion();
        if (stage.Schema.Find(fieldKey) is not { Type: FieldType.Attachments })
        {
            return BadRequest();
        }

        if (!Core.Domain.StageWorkflow.IsEditableByTeam(stage.State))
        {
            return Form(stage, permissions!, content, version, message: "La etapa no se puede editar en su estado actual.");
        }

        if (version != stage.Version)
        {
            // Checked before anything is stored: a refused upload must leave no file behind.
            return Outcome(stage, permissions!, content, new SaveOutcome(new DraftSaveResult(DraftSaveStatus.Conflict, stage.Version, CurrentContentJson: stage.ContentJson), []), submit: false, refusedNote: UploadRefusedNote);
        }

        var sent = Request.Form.Files.GetFiles(FormIds.Name(fieldKey) + ".archivo");
        var upload = await commands.UploadAsync(stage, fieldKey, sent, User);
        if (upload.Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Stage", new StagePageViewModel
            {
                Stage = stage,
                Permissions = permissions!,
                Content = FormContentReader.Read(stage.Schema, form, keepEmptyRows: true),
                Version = version,
                Errors = [new FieldError(fieldKey, upload.Error)],
                FormMessage = "No se pudo subir el archivo. Lo demás que escribiste sigue en el formulario (sin guardar).",
            });
        }

        var ids = content[fieldKey] as JsonArray ?? [];
        foreach (var attachmentId in upload.AttachmentIds)
        {
            ids.Add(attachmentId);
        }

        content[fieldKey] = ids;
        var refreshed = await queries.GetStageAsync(id, key);
        var outcome = await commands.SaveAsync(refreshed!, content, User, version, submit: false, reading.Problems);
        if (outcome.Result.Status != DraftSaveStatus.Saved)
        {
            // Someone saved between the check above and this save (or the save was refused): the
            // files go too, and the form goes back without them.
            await commands.DiscardUploadsAsync(refreshed!, upload.AttachmentIds, User);
            content[fieldKey] = new JsonArray(ids.Where(n => n is not JsonValue v || !v.TryGetValue<int>(out var i) || !upload.AttachmentIds.Contains(i)).Select(n => n?.DeepClone()).ToArray());
            return Outcome(stage, permissions!, content, outcome, submit: false, refusedNote: UploadRefusedNote);
        }

        var names = sent.Where(f => f.Length > 0).Select(f => $"«{f.FileName}»").ToList();
        var namesText = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} y {names[^1]}";
        return Outcome(refreshed!, permissions!, content, outcome, submit: false,
            savedMessage: $"Se {(upload.AttachmentIds.Count == 1 ? "subió" : "subieron")} {namesText} y se guardó el borrador (versión {outcome.Result.RevisionNumber}).");
    }

    private const string UploadRefusedNote = " y el archivo no se subió (volvé a elegirlo después de guardar)";

    [HttpGet("adjuntos/{attachmentId:int}")]
    public async Task<IActionResult> Download(int id, int attachmentId)
    {
        if (await IsAllowedAsync(id, ProjectOperation.Read))
        {
            return await attachments.DownloadAsync(Response, id, attachmentId);
        }

        // A mentor downloads only the files of a stage they may read.
        var key = User.IsInRole(Core.Domain.Roles.Mentor) ? await queries.AttachmentStageKeyAsync(id, attachmentId) : null;
        return key is not null && await StageAsync(id, key) is not null ? await attachments.DownloadAsync(Response, id, attachmentId) : NotFound();
    }

    [HttpPost("etapas/{key}/comentarios")]
    public async Task<IActionResult> Comment(int id, string key, string? texto, string? volver)
    {
        if (await StageAsync(id, key) is not var (stage, permissions))
        {
            return NotFound();
        }

        if (!permissions.CanComment)
        {
            return Forbid();
        }

        var toReview = volver == "revision" && permissions.CanReview;
        var error = (await commands.CommentAsync(stage, texto, User, byMentor: permissions.AsMentor)).Error;
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return toReview
                ? View("Review", await queries.ReviewAsync(stage, threadText: texto, threadError: error))
                : View("Stage", new StagePageViewModel { Stage = stage, Permissions = permissions, Content = DeliverableContent.Parse(stage.ContentJson).Root, Version = stage.Version, CommentText = texto ?? "", CommentError = error });
        }

        TempData["Message"] = "Comentario publicado.";
        return Redirect((toReview ? StageUrls.Review(id, key) : stage.Url) + "#comentarios");
    }

    [HttpGet("etapas/{key}/revisiones")]
    public async Task<IActionResult> Revisions(int id, string key)
    {
        var stage = await IsAllowedAsync(id, ProjectOperation.Read) ? await queries.GetStageAsync(id, key) : null;
        if (stage is null)
        {
            return NotFound();
        }

        var revisions = stage.DeliverableId is { } deliverableId ? await queries.RevisionsAsync(deliverableId) : [];
        return View("Revisions", new RevisionListViewModel(stage, revisions));
    }

    [HttpGet("etapas/{key}/comparar")]
    public async Task<IActionResult> Compare(int id, string key, int desde, int hasta)
    {
        var stage = await IsAllowedAsync(id, ProjectOperation.Read) ? await queries.GetStageAsync(id, key) : null;
        var model = stage is null ? null : await queries.CompareAsync(stage, desde, hasta);
        return model is null ? NotFound() : View("Compare", model);
    }

    [HttpGet("historial")]
    public async Task<IActionResult> Timeline(int id)
    {
        var model = await IsAllowedAsync(id, ProjectOperation.Read) ? await queries.TimelineAsync(id) : null;
        return model is null ? NotFound() : View("Timeline", model);
    }
}

public sealed record UploadTooLargeViewModel(string StageUrl, string MaxText);
