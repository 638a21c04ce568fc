namespace ProgramaInnovacion.Core.Domain;

/// <summary>State of a project's stage: Bloqueada → Disponible → En progreso → Entregada ↔ Cambios solicitados → Aprobada. Display names live in StageStateText.</summary>
public enum StageState
{
    Locked,
    Available,
    InProgress,
    Submitted,
    ChangesRequested,
    Approved,
}

public static class StageStateText
{
    public static string Label(this StageState state) => state switch
    {
        StageState.Locked => "Bloqueada",
        StageState.Available => "Disponible",
        StageState.InProgress => "En progreso",
        StageState.Submitted => "Entregada",
        StageState.ChangesRequested => "Cambios solicitados",
        StageState.Approved => "Aprobada",
        _ => state.ToString(),
    };

    /// <summary>Symbol shown beside the text (aria-hidden), so state is never colour alone.</summary>
    public static string Icon(this StageState state) => state switch
    {
        StageState.Locked => "⊘",
        StageState.Available => "○",
        StageState.InProgress => "✎",
        StageState.Submitted => "◷",
        StageState.ChangesRequested => "↺",
        StageState.Approved => "✔",
        _ => "?",
    };

    /// <summary>CSS modifier for the state badge.</summary>
    public static string CssClass(this StageState state) => state switch
    {
        StageState.Locked => "state-locked",
        StageState.Available => "state-available",
        StageState.InProgress => "state-in-progress",
        StageState.Submitted => "state-submitted",
        StageState.ChangesRequested => "state-changes",
        StageState.Approved => "state-approved",
        _ => "",
    };
}
