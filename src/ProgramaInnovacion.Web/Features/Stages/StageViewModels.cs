using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <param name="MentorOrganization">Set for a mentor's comment: the organisation shown beside the name (empty when the mentor has none).</param>
public sealed record CommentView(int Id, string Author, string BodyMarkdown, DateTime CreatedAtUtc, string? MentorOrganization = null)
{
    public bool ByMentor => MentorOrganization is not null;
}

/// <summary>A submitted revision: <paramref name="Number"/> counts every revision (drafts too), <paramref name="Ordinal"/> only submissions (1st, 2nd… entrega).</summary>
public sealed record SubmissionView(int Number, string ContentJson, string Author, DateTime CreatedAtUtc, int Ordinal);

/// <summary>One project's stage with its deliverable, as every stage page reads it (one query).</summary>
public sealed record StageInfo(
    int ProjectId,
    string Municipality,
    int StageId,
    int Order,
    string Key,
    string Name,
    string Description,
    string GuidingQuestions,
    string SchemaJson,
    bool HasTeamForm,
    DateTime? DueAtUtc,
    StageState State,
    DateTime? SubmittedAtUtc,
    int? DeliverableId,
    int Version,
    string? ContentJson,
    int RevisionCount,
    IReadOnlyList<AttachmentLink> Attachments,
    IReadOnlyList<CommentView> Comments,
    int StageVersion)
{
    /// <summary>What the stage is for; the insights under the form depend on it, not on the key.</summary>
    public StageRole? Role { get; init; }

    public int StageDefinitionId { get; init; }

    /// <summary>The edition's phase: a closed edition's stages are read-only history (EditionLifecycle).</summary>
    public EditionPhase EditionPhase { get; init; } = EditionPhase.Running;

    public bool EditionClosed => EditionLifecycle.IsReadOnly(EditionPhase);

    /// <summary>The team marked the draft "lista para recibir comentarios" (assigned mentors may read it).</summary>
    public bool ReadyForFeedback { get; init; }

    public StageSchema Schema { get; } = StageSchema.FromJson(SchemaJson);

    /// <summary>When the expert panel's result was published to the team (null before); read by the panel stage's page.</summary>
    public DateTime? PanelPublishedAtUtc { get; init; }

    public IReadOnlyList<string> Questions => GuidingQuestions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Url => StageUrls.Stage(ProjectId, Key);

    public DeliverableViewModel ReadOnly => DeliverableViewModel.From(Schema, ContentJson, Attachments);
}

public static class StageUrls
{
    public static string Stage(int projectId, string key) => $"/proyectos/{projectId}/etapas/{key}";

    public static string Review(int projectId, string key) => $"{Stage(projectId, key)}/revision";

    public static string Attachment(int projectId, int attachmentId) => $"/proyectos/{projectId}/adjuntos/{attachmentId}";
}

/// <summary>Who is looking at a stage page and what they may do there.</summary>
/// <param name="AsMentor">An assigned mentor reading a stage they may see: comments, nothing else.</param>
public sealed record StagePermissions(bool CanEdit, bool CanReview, bool AsMentor = false)
{
    public bool CanComment => CanEdit || CanReview || AsMentor;
}

/// <summary>The team's stage page: the form (editable) or the read-only deliverable.</summary>
public sealed class StagePageViewModel
{
    public required StageInfo Stage { get; init; }

    public required StagePermissions Permissions { get; init; }

    /// <summary>The values the form shows: stored, or just posted when the page is re-rendered.</summary>
    public required JsonObject Content { get; init; }

    public required int Version { get; init; }

    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public string? FormMessage { get; init; }

    /// <summary>Long-text field whose Markdown preview is shown.</summary>
    public string? PreviewKey { get; init; }

    /// <summary>On a conflicting save: the version the other person saved, compared with what was typed.</summary>
    public IReadOnlyList<FieldChange>? Conflict { get; init; }

    public string CommentText { get; init; } = "";

    public string? CommentError { get; init; }

    /// <summary>A coordinator's unlock or reopen that was refused (e.g. no reason given).</summary>
    public string? CoordinatorError { get; init; }

    public string CoordinatorReason { get; init; } = "";

    public bool IsEditable => Permissions.CanEdit && Stage.HasTeamForm && StageWorkflow.IsEditableByTeam(Stage.State);

    public string? ErrorFor(string elementId) => Errors.FirstOrDefault(e => e.ElementId == elementId)?.Message;

    public IReadOnlyList<FieldError> ErrorsOfField(string key) => Errors.Where(e => e.FieldKey == key && e.Row is null).ToList();
}

public sealed class ReviewPageViewModel
{
    public required StageInfo Stage { get; init; }

    /// <summary>The last submission compared with the one before (null when it is the first).</summary>
    public IReadOnlyList<FieldChange>? Changes { get; init; }

    public SubmissionView? Previous { get; init; }

    public SubmissionView? Latest { get; init; }

    public string Comment { get; init; } = "";

    public string? CommentError { get; init; }

    public string? ThreadText { get; init; }

    public string? ThreadError { get; init; }
}

public sealed record RevisionRow(int Number, RevisionKind Kind, string Author, DateTime CreatedAtUtc)
{
    public string KindText => Kind == RevisionKind.Submission ? "Entrega" : "Borrador";
}

public sealed record RevisionListViewModel(StageInfo Stage, IReadOnlyList<RevisionRow> Revisions);

public sealed record CompareViewModel(StageInfo Stage, RevisionRow From, RevisionRow To, IReadOnlyList<FieldChange> Changes, IReadOnlyList<int> Numbers);

/// <summary>One page of the review queue, oldest submission first.</summary>
public sealed record ReviewQueueViewModel(IReadOnlyList<QueueRow> Rows, Pager Pager);

public sealed record QueueRow(int ProjectId, string Municipality, string StageKey, string StageName, int Order, DateTime SubmittedAtUtc, int DaysWaiting)
{
    public DateTime? DueAtUtc { get; init; }
}

public sealed record TimelineRow(DateTime OccurredAtUtc, string Stage, StageAction Action, StageState From, StageState To, string Who, string? Comment)
{
    public string ActionText => Action switch
    {
        StageAction.Open => "Etapa habilitada",
        StageAction.SaveDraft => "Empezó el borrador",
        StageAction.Submit => "Entrega",
        StageAction.Approve => "Aprobación",
        StageAction.RequestChanges => "Cambios solicitados",
        StageAction.Unlock => "Desbloqueo anticipado",
        StageAction.Reopen => "Reapertura",
        StageAction.Close => "Cierre",
        _ => Action.ToString(),
    };
}

public sealed record TimelineViewModel(int ProjectId, string Municipality, IReadOnlyList<TimelineRow> Events);

public sealed class DeadlineRow
{
    public int StageDefinitionId { get; set; }

    public int Order { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Etapa")]
    public string Name { get; set; } = "";

    /// <summary>Argentina local time, "yyyy-MM-ddTHH:mm" as a datetime-local input sends it; empty for none.</summary>
    public string? Due { get; set; }

    public string? Error { get; set; }
}

public sealed class DeadlinesViewModel
{
    public int EditionId { get; set; }

    public string EditionName { get; set; } = "";

    public IReadOnlyList<(int Id, string Name)> Editions { get; set; } = [];

    public List<DeadlineRow> Stages { get; set; } = [];
}

public sealed record CommentThreadViewModel(string StageUrl, IReadOnlyList<CommentView> Comments, bool CanComment, string Text, string? Error, string? ReturnTo);

/// <summary>A field-by-field comparison to show: titles of the two sides, and whether to hide unchanged fields.</summary>
public sealed record ChangesViewModel(IReadOnlyList<ProgramaInnovacion.Core.Deliverables.FieldChange> Changes, string BeforeTitle, string AfterTitle, bool OnlyChanged = false);
