namespace ProgramaInnovacion.Core.Domain;

public enum RecommendationCategory
{
    Technical,
    Financial,
    LegalRegulatory,
    Scalability,
    Management,
    Other,
}

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}

public enum RecommendationDecision
{
    Accepts,
    PartiallyAccepts,
    NotApplicable,
}

public enum FollowUpStatus
{
    Pending,
    InProgress,
    Done,
}

/// <summary>
/// A recommendation an expert leaves in their evaluation; after publication the team answers it
/// with an action plan and the coordination follows up its implementation.
/// </summary>
public class PanelRecommendation
{
    public int Id { get; set; }

    public int EvaluationId { get; set; }

    public PanelEvaluation Evaluation { get; set; } = null!;

    public RecommendationCategory Category { get; set; }

    public RecommendationPriority Priority { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public RecommendationResponse? Response { get; set; }
}

/// <summary>The team's answer to one recommendation and the coordination's follow-up of it.</summary>
public class RecommendationResponse
{
    public int Id { get; set; }

    public int RecommendationId { get; set; }

    public PanelRecommendation Recommendation { get; set; } = null!;

    public RecommendationDecision? Decision { get; set; }

    public string? Action { get; set; }

    public DateOnly? TargetDate { get; set; }

    public string? RespondedById { get; set; }

    public AppUser? RespondedBy { get; set; }

    public DateTime? RespondedAtUtc { get; set; }

    public FollowUpStatus FollowUp { get; set; }

    public string? FollowUpNote { get; set; }

    public string? FollowUpById { get; set; }

    public AppUser? FollowUpBy { get; set; }

    public DateTime? FollowUpAtUtc { get; set; }
}

/// <summary>The moment a project's panel result was shown to its team, and when the panel closed.</summary>
public class PanelPublication
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public DateTime PublishedAtUtc { get; set; }

    public string? PublishedById { get; set; }

    public AppUser? PublishedBy { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public string? ClosedById { get; set; }

    public AppUser? ClosedBy { get; set; }
}
