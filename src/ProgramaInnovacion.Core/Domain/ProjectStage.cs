namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// A project's progress through one stage of the edition. Its state changes only through
/// <see cref="Apply"/>, which asks StageWorkflow and records the StageEvent, so no writer can
/// change the state without the timeline knowing.
/// </summary>
public class ProjectStage : IVersioned
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public int StageDefinitionId { get; set; }

    public StageDefinition StageDefinition { get; set; } = null!;

    public StageState State { get; private set; }

    public DateTime StateChangedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    /// <inheritdoc/>
    public int Version { get; private set; }

    public Deliverable? Deliverable { get; set; }

    public List<StageEvent> Events { get; set; } = [];

    /// <summary>A stage not reached yet: locked until the previous one is approved or a coordinator unlocks it.</summary>
    public static ProjectStage Locked(StageDefinition definition, DateTime atUtc) =>
        new() { StageDefinition = definition, State = StageState.Locked, StateChangedAtUtc = atUtc };

    /// <summary>
    /// Applies a workflow action: when StageWorkflow allows it, the stage takes the new state and
    /// appends its event (who, when, from, to, comment); when it refuses, nothing changes and the
    /// result carries the Spanish reason. Saving a draft again is a revision, not a transition, so
    /// it records no event.
    /// </summary>
    public WorkflowResult Apply(StageAction action, WorkflowActor actor, string? actorId, DateTime atUtc, string? comment = null)
    {
        var result = StageWorkflow.Apply(State, action, actor, comment);
        if (!result.Allowed || result.NewState == State)
        {
            return result;
        }

        Events.Add(new StageEvent
        {
            // Both: a stage of a project being created has no ProjectId yet, only its Project.
            ProjectId = ProjectId,
            Project = Project,
            Action = action,
            FromState = State,
            ToState = result.NewState,
            ActorId = actorId,
            Comment = comment,
            OccurredAtUtc = atUtc,
        });
        State = result.NewState;
        StateChangedAtUtc = atUtc;
        if (action == StageAction.Submit)
        {
            SubmittedAtUtc = atUtc;
        }

        if (State == StageState.Approved)
        {
            ApprovedAtUtc = atUtc;
        }

        return result;
    }
}
