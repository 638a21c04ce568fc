using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;

namespace ProgramaInnovacion.Web.Features.Panel;

public sealed record PanelCriterion(int Id, int Order, string Name, string Description, int Weight, IReadOnlyList<string> Levels);

public sealed record ExpertScore(int CriterionId, int? Score, string? Comment);

public sealed record ResponseView(RecommendationDecision? Decision, string? Action, DateOnly? TargetDate, DateTime? RespondedAtUtc,
    FollowUpStatus FollowUp, string? FollowUpNote, DateTime? FollowUpAtUtc);

public sealed record RecommendationView(int Id, RecommendationCategory Category, RecommendationPriority Priority, string Text, string ExpertLabel, ResponseView? Response);

public sealed record ExpertEvaluationView(int AssignmentId, string ExpertLabel, EvaluationStatus Status, DateTime? SubmittedAtUtc, double? WeightedAverage,
    IReadOnlyList<ExpertScore> Scores, IReadOnlyList<RecommendationView> Recommendations)
{
    public ExpertScore? ScoreFor(int criterionId) => Scores.FirstOrDefault(s => s.CriterionId == criterionId);
}

public sealed record CriterionSummary(PanelCriterion Criterion, double? Average, int Spread, bool LargeDisagreement, int Count);

/// <summary>The panel's result over submitted evaluations: what the coordinator summarises and the team receives.</summary>
public sealed record PanelResult(double? WeightedAverage, IReadOnlyList<CriterionSummary> Criteria, IReadOnlyList<ExpertEvaluationView> Evaluations)
{
    public IEnumerable<IGrouping<RecommendationCategory, RecommendationView>> RecommendationsByCategory =>
        Evaluations.SelectMany(e => e.Recommendations).OrderBy(r => r.Priority).GroupBy(r => r.Category).OrderBy(g => g.Key);
}

public static class PanelUrls
{
    /// <summary>An expert's download of a file of the approved deliverables they read (the team's own route needs project access).</summary>
    public static string Attachment(int projectId, int attachmentId) => $"/panel/proyectos/{projectId}/adjuntos/{attachmentId}";
}

public sealed record ProjectHeading(int ProjectId, string Municipality, string Province, string? Title);

/// <summary>An expert's home: the projects assigned to them whose panel is open.</summary>
public sealed record ExpertAssignmentRow(int ProjectId, string Municipality, string Province, string? Title, DateTime AssignedAtUtc,
    ConflictDeclaration Declaration, EvaluationStatus? EvaluationStatus, bool PanelClosed);

/// <summary>The expert's project page: the declaration form, or the approved deliverables.</summary>
public sealed record ExpertProjectViewModel(ProjectHeading Project, ExpertAccess Access, EvaluationStatus? EvaluationStatus, IReadOnlyList<ApprovedDeliverable> Deliverables)
{
    public DeclarationForm Form { get; init; } = new();
}

public sealed record PrintViewModel(ProjectHeading Project, string Edition, ApprovedDeliverable? FinalProject, string BackUrl);

public sealed class DeclarationForm
{
    /// <summary>True: no conflict of interest; false: declines the assignment.</summary>
    public bool? NoConflict { get; set; }

    [StringLength(2000, ErrorMessage = "El motivo puede tener hasta 2000 caracteres.")]
    [Display(Name = "Motivo")]
    public string? Reason { get; set; }
}

public sealed class ScoreInput
{
    public int CriterionId { get; set; }

    public int? Score { get; set; }

    [StringLength(4000, ErrorMessage = "El comentario puede tener hasta 4000 caracteres.")]
    public string? Comment { get; set; }
}

public sealed class RecommendationInput
{
    public int? Id { get; set; }

    public RecommendationCategory? Category { get; set; }

    public RecommendationPriority? Priority { get; set; }

    [StringLength(4000, ErrorMessage = "La recomendación puede tener hasta 4000 caracteres.")]
    public string? Text { get; set; }

    /// <summary>Ticked to remove the recommendation when the form is saved.</summary>
    public bool Remove { get; set; }
}

/// <summary>The evaluation form: scores, the recommendations kept, an optional new one, and which button was pressed.</summary>
public sealed class EvaluationForm
{
    [Display(Name = "Puntajes")]
    public List<ScoreInput> Scores { get; set; } = [];

    [Display(Name = "Recomendaciones")]
    public List<RecommendationInput> Recommendations { get; set; } = [];

    [Display(Name = "Nueva recomendación")]
    public RecommendationInput NewRecommendation { get; set; } = new();

    /// <summary>"guardar", "enviar" or "agregar".</summary>
    public string? Command { get; set; }
}

public sealed record EvaluationPageViewModel(ProjectHeading Project, IReadOnlyList<PanelCriterion> Criteria, EvaluationStatus Status, bool Editable,
    DateTime? SubmittedAtUtc, EvaluationForm Form, ExpertEvaluationView? Own, PanelResult? Others);

public sealed record AssignmentRow(int Id, string ExpertName, string? ExpertEmail, DateTime AssignedAtUtc, ConflictDeclaration Declaration, string? DeclineReason,
    DateTime? DeclaredAtUtc, EvaluationStatus? EvaluationStatus, DateTime? SubmittedAtUtc, double? WeightedAverage);

public sealed record ExpertOption(string Id, string Name, string? Email);

public sealed record CoordinatorProjectRow(ProjectHeading Project, StageState PanelState, DateTime? PublishedAtUtc, DateTime? ClosedAtUtc,
    IReadOnlyList<AssignmentRow> Assignments, PanelResult Result, int? Rank, IReadOnlyList<ExpertOption> AssignableExperts)
{
    public double? WeightedAverage => Result.WeightedAverage;
}

public sealed record CoordinatorPanelViewModel(IReadOnlyList<CoordinatorProjectRow> Projects)
{
    public IEnumerable<CoordinatorProjectRow> Ranking => Projects.OrderBy(p => p.Rank ?? int.MaxValue).ThenBy(p => p.Project.Municipality);
}

public sealed record ProjectSummaryViewModel(ProjectHeading Project, StageState PanelState, bool Anonymize, DateTime? PublishedAtUtc, DateTime? ClosedAtUtc,
    IReadOnlyList<AssignmentRow> Assignments, PanelResult Result);

public sealed record TeamPanelViewModel(ProjectHeading Project, DateTime? PublishedAtUtc, DateTime? ClosedAtUtc, PanelResult? Result, bool MayAnswer);

public sealed class ResponseForm
{
    public RecommendationDecision? Decision { get; set; }

    [StringLength(4000, ErrorMessage = "La acción puede tener hasta 4000 caracteres.")]
    public string? Action { get; set; }

    public DateOnly? TargetDate { get; set; }
}

public sealed class FollowUpForm
{
    public FollowUpStatus? Status { get; set; }

    [StringLength(4000, ErrorMessage = "La nota puede tener hasta 4000 caracteres.")]
    public string? Note { get; set; }
}

public sealed class AssignForm
{
    public string? ExpertId { get; set; }
}
