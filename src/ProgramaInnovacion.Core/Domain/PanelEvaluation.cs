namespace ProgramaInnovacion.Core.Domain;

public enum EvaluationStatus
{
    Draft,
    Submitted,
}

/// <summary>An expert's rubric scores and recommendations for the project of their assignment.</summary>
public class PanelEvaluation : IVersioned
{
    public int Id { get; set; }

    public int AssignmentId { get; set; }

    public PanelAssignment Assignment { get; set; } = null!;

    public EvaluationStatus Status { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? ReopenedById { get; set; }

    public AppUser? ReopenedBy { get; set; }

    public DateTime? ReopenedAtUtc { get; set; }

    /// <inheritdoc/>
    public int Version { get; private set; }

    public List<EvaluationScore> Scores { get; set; } = [];

    public List<PanelRecommendation> Recommendations { get; set; } = [];
}

/// <summary>The score (1–5) and comment an expert gives one rubric criterion.</summary>
public class EvaluationScore
{
    public int Id { get; set; }

    public int EvaluationId { get; set; }

    public PanelEvaluation Evaluation { get; set; } = null!;

    public int CriterionId { get; set; }

    public RubricCriterion Criterion { get; set; } = null!;

    /// <summary>1 to 5; null while the draft leaves it unscored.</summary>
    public int? Score { get; set; }

    public string? Comment { get; set; }
}
