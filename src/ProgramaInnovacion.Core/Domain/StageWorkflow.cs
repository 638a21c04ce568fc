namespace ProgramaInnovacion.Core.Domain;

public enum StageAction
{
    /// <summary>The system opens a stage: at program start or when the previous one is approved.</summary>
    Open,
    SaveDraft,
    Submit,
    Approve,
    RequestChanges,
    /// <summary>A coordinator opens a locked stage early.</summary>
    Unlock,
    /// <summary>A coordinator reopens an approved stage.</summary>
    Reopen,
    /// <summary>A coordinator closes a stage that has no team form (the expert panel).</summary>
    Close,
}

/// <summary>Who acts on a stage, as far as the workflow cares.</summary>
public enum WorkflowActor
{
    System,
    Team,
    Coordinator,
}

public sealed record WorkflowResult(bool Allowed, StageState NewState, string? Error)
{
    public static WorkflowResult Ok(StageState state) => new(true, state, null);

    public static WorkflowResult Denied(string error) => new(false, default, error);
}

/// <summary>
/// The stage state machine (Bloqueada → Disponible → En progreso → Entregada ↔ Cambios solicitados → Aprobada), pure so every state × action × actor is unit-tested.
/// Errors are the Spanish sentences a user reads.
/// </summary>
public static class StageWorkflow
{
    public static WorkflowResult Apply(StageState from, StageAction action, WorkflowActor actor, string? comment = null)
    {
        var hasComment = !string.IsNullOrWhiteSpace(comment);
        return (action, actor, from) switch
        {
            (StageAction.Open, WorkflowActor.System, StageState.Locked) => WorkflowResult.Ok(StageState.Available),

            (StageAction.SaveDraft, WorkflowActor.Team, StageState.Available or StageState.InProgress) => WorkflowResult.Ok(StageState.InProgress),
            (StageAction.SaveDraft, WorkflowActor.Team, StageState.ChangesRequested) => WorkflowResult.Ok(StageState.ChangesRequested),
            (StageAction.SaveDraft, WorkflowActor.Team, _) => WorkflowResult.Denied(SaveDeniedMessage(from)),

            (StageAction.Submit, WorkflowActor.Team, StageState.Available or StageState.InProgress or StageState.ChangesRequested) => WorkflowResult.Ok(StageState.Submitted),
            (StageAction.Submit, WorkflowActor.Team, _) => WorkflowResult.Denied($"No se puede entregar una etapa en estado «{from.Label()}»."),

            (StageAction.Approve, WorkflowActor.Coordinator, StageState.Submitted) => WorkflowResult.Ok(StageState.Approved),
            (StageAction.Approve, WorkflowActor.Coordinator, _) => WorkflowResult.Denied("Solo se puede aprobar una etapa entregada."),

            (StageAction.RequestChanges, WorkflowActor.Coordinator, StageState.Submitted) when !hasComment => WorkflowResult.Denied("Para solicitar cambios hay que escribir un comentario para el equipo."),
            (StageAction.RequestChanges, WorkflowActor.Coordinator, StageState.Submitted) => WorkflowResult.Ok(StageState.ChangesRequested),
            (StageAction.RequestChanges, WorkflowActor.Coordinator, _) => WorkflowResult.Denied("Solo se pueden solicitar cambios sobre una etapa entregada."),

            (StageAction.Unlock, WorkflowActor.Coordinator, StageState.Locked) when !hasComment => WorkflowResult.Denied("Indicá el motivo para desbloquear la etapa antes de tiempo."),
            (StageAction.Unlock, WorkflowActor.Coordinator, StageState.Locked) => WorkflowResult.Ok(StageState.Available),
            (StageAction.Unlock, WorkflowActor.Coordinator, _) => WorkflowResult.Denied("Solo se puede desbloquear una etapa bloqueada."),

            (StageAction.Reopen, WorkflowActor.Coordinator, StageState.Approved) when !hasComment => WorkflowResult.Denied("Indicá el motivo para reabrir la etapa aprobada."),
            (StageAction.Reopen, WorkflowActor.Coordinator, StageState.Approved) => WorkflowResult.Ok(StageState.InProgress),
            (StageAction.Reopen, WorkflowActor.Coordinator, _) => WorkflowResult.Denied("Solo se puede reabrir una etapa aprobada."),

            (StageAction.Close, WorkflowActor.Coordinator, StageState.Available or StageState.InProgress or StageState.Submitted) => WorkflowResult.Ok(StageState.Approved),
            (StageAction.Close, WorkflowActor.Coordinator, _) => WorkflowResult.Denied("Solo se puede cerrar una etapa abierta."),

            _ => WorkflowResult.Denied("No tenés permiso para realizar esta acción sobre la etapa."),
        };
    }

    /// <summary>True when the team may edit the draft in this state.</summary>
    public static bool IsEditableByTeam(StageState state) =>
        state is StageState.Available or StageState.InProgress or StageState.ChangesRequested;

    private static string SaveDeniedMessage(StageState from) => from switch
    {
        StageState.Locked => "La etapa todavía está bloqueada: se habilita cuando se aprueba la anterior.",
        StageState.Submitted => "La etapa ya fue entregada y está en revisión; no se puede editar hasta que la coordinación la revise.",
        StageState.Approved => "La etapa está aprobada; solo la coordinación puede reabrirla.",
        _ => $"No se puede editar una etapa en estado «{from.Label()}».",
    };
}
