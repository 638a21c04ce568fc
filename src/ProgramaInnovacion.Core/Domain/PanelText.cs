namespace ProgramaInnovacion.Core.Domain;

/// <summary>What a person reads for the panel's enums (es-AR).</summary>
public static class PanelText
{
    public static string Label(this ConflictDeclaration declaration) => declaration switch
    {
        ConflictDeclaration.Pending => "Declaración pendiente",
        ConflictDeclaration.NoConflict => "Sin conflicto de interés",
        ConflictDeclaration.Declined => "Declinada",
        _ => declaration.ToString(),
    };

    public static string Label(this EvaluationStatus status) => status switch
    {
        EvaluationStatus.Draft => "Borrador",
        EvaluationStatus.Submitted => "Enviada",
        _ => status.ToString(),
    };

    public static string Label(this RecommendationCategory category) => category switch
    {
        RecommendationCategory.Technical => "Técnica",
        RecommendationCategory.Financial => "Financiera",
        RecommendationCategory.LegalRegulatory => "Legal/normativa",
        RecommendationCategory.Scalability => "Escalabilidad",
        RecommendationCategory.Management => "Gestión",
        RecommendationCategory.Other => "Otra",
        _ => category.ToString(),
    };

    public static string Label(this RecommendationPriority priority) => priority switch
    {
        RecommendationPriority.High => "Alta",
        RecommendationPriority.Medium => "Media",
        RecommendationPriority.Low => "Baja",
        _ => priority.ToString(),
    };

    public static string Label(this RecommendationDecision decision) => decision switch
    {
        RecommendationDecision.Accepts => "Acepta",
        RecommendationDecision.PartiallyAccepts => "Acepta parcialmente",
        RecommendationDecision.NotApplicable => "No aplica",
        _ => decision.ToString(),
    };

    public static string Label(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.Pending => "Pendiente",
        FollowUpStatus.InProgress => "En curso",
        FollowUpStatus.Done => "Cumplida",
        _ => status.ToString(),
    };

    /// <summary>Symbol shown beside follow-up text (aria-hidden), so state is never colour alone.</summary>
    public static string Icon(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.Pending => "○",
        FollowUpStatus.InProgress => "✎",
        FollowUpStatus.Done => "✔",
        _ => "?",
    };

    /// <summary>"Experto 1", "Experto 2"… when the edition hides names from the team.</summary>
    public static string ExpertLabel(string name, int position, bool anonymize) => anonymize ? $"Experto {position}" : name;
}
