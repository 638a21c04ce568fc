namespace ProgramaInnovacion.Core.Domain;

/// <summary>Where one project's panel is.</summary>
public enum PanelPhase
{
    /// <summary>The expert-panel stage is still locked (or the template has none): nobody works on it yet.</summary>
    NotOpen,

    /// <summary>Experts declare, evaluate and submit; the team sees nothing yet.</summary>
    Open,

    /// <summary>The result is published to the team, who answers the recommendations; evaluations can no longer be reopened.</summary>
    Published,

    /// <summary>The coordinator closed the panel (its stage is approved): everything is read-only.</summary>
    Closed,
}

/// <summary>Where one expert's assignment to a project is: the declaration, then the evaluation.</summary>
public enum AssignmentState
{
    /// <summary>Assigned; the conflict-of-interest declaration is still pending.</summary>
    Pending,

    /// <summary>The expert declared a conflict of interest and declined.</summary>
    Declined,

    /// <summary>No conflict declared; nothing of the evaluation saved yet.</summary>
    NoConflict,

    Draft,
    Submitted,
}

public enum PanelAction
{
    DeclareNoConflict,
    DeclareConflict,

    /// <summary>Evaluate: save the draft of scores and recommendations.</summary>
    SaveDraft,
    Submit,

    /// <summary>A coordinator turns a submitted evaluation back into a draft.</summary>
    Reopen,
    Publish,
    Close,
}

/// <summary>Who acts on a panel, as far as its rules care.</summary>
public enum PanelActor
{
    /// <summary>An expert assigned to this project.</summary>
    AssignedExpert,

    /// <summary>An expert not assigned to this project.</summary>
    OtherExpert,
    Coordinator,

    /// <summary>A member of the project's team.</summary>
    Team,
}

/// <summary>What may be seen of a project's panel.</summary>
public enum PanelView
{
    /// <summary>The project's approved deliverables, as the panel reads them.</summary>
    Deliverables,

    /// <summary>The experts' submitted evaluations, scores, recommendations and the result over them.</summary>
    Evaluations,
}

/// <summary>One project's panel as the rules see it, from one assignment's point of view (Publish and Close ignore the assignment).</summary>
/// <param name="AnySubmitted">At least one expert of the project submitted an evaluation.</param>
public sealed record PanelSituation(PanelPhase Phase, AssignmentState Assignment, bool AnySubmitted);

public sealed record PanelWorkflowResult(bool Allowed, PanelSituation? NewSituation, string? Error)
{
    public static PanelWorkflowResult Ok(PanelSituation situation) => new(true, situation, null);

    public static PanelWorkflowResult Denied(string error) => new(false, null, error);
}

/// <summary>
/// The expert panel's rules, pure so every state × action × actor is unit-tested (like
/// StageWorkflow): who may declare, evaluate, submit, reopen, publish and close, and who may see
/// what — the blind rule included: an expert sees the other experts' evaluations only once their
/// own is submitted. Errors are the Spanish sentences a user reads.
/// </summary>
public static class PanelWorkflow
{
    public const string NotAllowed = "No tenés permiso para realizar esta acción en la mesa de expertos.";

    public static PanelWorkflowResult Apply(PanelSituation current, PanelAction action, PanelActor actor) => (actor, action) switch
    {
        (PanelActor.AssignedExpert, PanelAction.DeclareNoConflict) => Declare(current, AssignmentState.NoConflict),
        (PanelActor.AssignedExpert, PanelAction.DeclareConflict) => Declare(current, AssignmentState.Declined),
        (PanelActor.AssignedExpert, PanelAction.SaveDraft) => Evaluate(current, AssignmentState.Draft),
        (PanelActor.AssignedExpert, PanelAction.Submit) => Evaluate(current, AssignmentState.Submitted),
        (PanelActor.Coordinator, PanelAction.Reopen) => Reopen(current),
        (PanelActor.Coordinator, PanelAction.Publish) => Publish(current),
        (PanelActor.Coordinator, PanelAction.Close) => Close(current),
        _ => PanelWorkflowResult.Denied(NotAllowed),
    };

    /// <summary>
    /// Who may see what. An assigned expert reads the deliverables once they declared no conflict
    /// of interest, and the evaluations (the others' included) only once theirs is submitted; the
    /// team sees the evaluations once published; coordinators see everything of an open panel.
    /// </summary>
    public static bool MaySee(PanelView view, PanelSituation situation, PanelActor actor)
    {
        if (situation.Phase == PanelPhase.NotOpen)
        {
            return false;
        }

        return (actor, view) switch
        {
            (PanelActor.Coordinator, _) => true,
            (PanelActor.AssignedExpert, PanelView.Deliverables) => HasDeclaredNoConflict(situation.Assignment),
            (PanelActor.AssignedExpert, PanelView.Evaluations) => situation.Assignment == AssignmentState.Submitted,
            (PanelActor.Team, PanelView.Evaluations) => situation.Phase is PanelPhase.Published or PanelPhase.Closed,
            _ => false,
        };
    }

    /// <summary>The phase a project's panel is in, from its expert-panel stage and its publication.</summary>
    /// <param name="panelStage">The state of the stage with the ExpertPanel role; null when the template has none.</param>
    public static PanelPhase Phase(StageState? panelStage, bool published, bool closed) => panelStage switch
    {
        null or StageState.Locked => PanelPhase.NotOpen,
        StageState.Approved => PanelPhase.Closed,
        _ when closed => PanelPhase.Closed,
        _ when published => PanelPhase.Published,
        _ => PanelPhase.Open,
    };

    /// <summary>The assignment's state from its declaration and its evaluation's status (null before anything is saved).</summary>
    public static AssignmentState State(ConflictDeclaration declaration, EvaluationStatus? evaluation) => (declaration, evaluation) switch
    {
        (ConflictDeclaration.Pending, _) => AssignmentState.Pending,
        (ConflictDeclaration.Declined, _) => AssignmentState.Declined,
        (_, EvaluationStatus.Submitted) => AssignmentState.Submitted,
        (_, EvaluationStatus.Draft) => AssignmentState.Draft,
        _ => AssignmentState.NoConflict,
    };

    private static bool HasDeclaredNoConflict(AssignmentState state) =>
        state is AssignmentState.NoConflict or AssignmentState.Draft or AssignmentState.Submitted;

    private static PanelWorkflowResult Declare(PanelSituation current, AssignmentState to)
    {
        if (current.Phase == PanelPhase.NotOpen)
        {
            return PanelWorkflowResult.Denied("La mesa de este proyecto no está abierta.");
        }

        if (current.Assignment != AssignmentState.Pending)
        {
            return PanelWorkflowResult.Denied("Ya registraste tu declaración para este proyecto.");
        }

        return current.Phase == PanelPhase.Closed
            ? PanelWorkflowResult.Denied("La mesa está cerrada: ya no se registran declaraciones.")
            : PanelWorkflowResult.Ok(current with { Assignment = to });
    }

    /// <summary>Evaluating goes on after publication (an expert assigned late may still submit) until the panel closes.</summary>
    private static PanelWorkflowResult Evaluate(PanelSituation current, AssignmentState to) => current switch
    {
        { Phase: PanelPhase.NotOpen } => PanelWorkflowResult.Denied("La mesa de este proyecto no está abierta."),
        { Phase: PanelPhase.Closed } => PanelWorkflowResult.Denied("La mesa está cerrada: ya no se pueden modificar evaluaciones."),
        { Assignment: AssignmentState.Pending } => PanelWorkflowResult.Denied("Antes de evaluar, declará si tenés un conflicto de interés con este proyecto."),
        { Assignment: AssignmentState.Declined } => PanelWorkflowResult.Denied("Declinaste esta evaluación por conflicto de interés."),
        { Assignment: AssignmentState.Submitted } => PanelWorkflowResult.Denied("Tu evaluación ya fue enviada y está bloqueada. Si necesitás cambiarla, pedíselo a la coordinación."),
        _ => PanelWorkflowResult.Ok(current with { Assignment = to, AnySubmitted = current.AnySubmitted || to == AssignmentState.Submitted }),
    };

    /// <summary>Once published the team reads and answers the recommendations: reopening would let an expert change what the team already answered.</summary>
    private static PanelWorkflowResult Reopen(PanelSituation current) => current switch
    {
        { Phase: PanelPhase.Published } => PanelWorkflowResult.Denied("El resultado de la mesa ya se publicó al equipo: no se pueden reabrir evaluaciones."),
        { Phase: PanelPhase.Closed } => PanelWorkflowResult.Denied("La mesa está cerrada: no se pueden reabrir evaluaciones."),
        { Phase: PanelPhase.Open, Assignment: AssignmentState.Submitted } => PanelWorkflowResult.Ok(current with { Assignment = AssignmentState.Draft }),
        _ => PanelWorkflowResult.Denied("Solo se puede reabrir una evaluación enviada."),
    };

    private static PanelWorkflowResult Publish(PanelSituation current) => current switch
    {
        { Phase: PanelPhase.NotOpen } => PanelWorkflowResult.Denied("La mesa de este proyecto no está abierta."),
        { Phase: PanelPhase.Published or PanelPhase.Closed } => PanelWorkflowResult.Denied("El resultado de la mesa ya está publicado."),
        { AnySubmitted: false } => PanelWorkflowResult.Denied("Para publicar hace falta al menos una evaluación enviada."),
        _ => PanelWorkflowResult.Ok(current with { Phase = PanelPhase.Published }),
    };

    /// <summary>Closing approves the expert-panel stage; the result must be published first.</summary>
    private static PanelWorkflowResult Close(PanelSituation current) => current.Phase switch
    {
        PanelPhase.Published => PanelWorkflowResult.Ok(current with { Phase = PanelPhase.Closed }),
        PanelPhase.Closed => PanelWorkflowResult.Denied("La mesa ya está cerrada."),
        PanelPhase.NotOpen => PanelWorkflowResult.Denied("La mesa de este proyecto no está abierta."),
        _ => PanelWorkflowResult.Denied("Publicá el resultado al equipo antes de cerrar la mesa."),
    };
}
