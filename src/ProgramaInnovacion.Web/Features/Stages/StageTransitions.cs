using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <summary>
/// Moves a project's stage through the workflow: asks StageWorkflow whether the action is allowed,
/// records the stage event, and opens the next stage when one is approved. Callers authorize first
/// (ProjectAccess) and save the context afterwards, together with whatever else they changed.
/// </summary>
public class StageTransitions(AppDbContext db, TimeProvider time, IEnumerable<IStageApprovedHandler> approvedHandlers)
{
    public async Task<WorkflowResult> ApplyAsync(ProjectStage stage, StageAction action, WorkflowActor actor, string? userId, string? comment = null)
    {
        var result = StageWorkflow.Apply(stage.State, action, actor, comment);
        if (!result.Allowed)
        {
            return result;
        }

        var now = time.GetUtcNow().UtcDateTime;
        Record(stage, action, result.NewState, userId, comment, now);
        if (action == StageAction.Submit)
        {
            stage.SubmittedAtUtc = now;
        }

        if (result.NewState == StageState.Approved)
        {
            stage.ApprovedAtUtc = now;
            await OpenNextAsync(stage, now);
            foreach (var handler in approvedHandlers)
            {
                await handler.OnApprovedAsync(stage);
            }
        }

        return result;
    }

    private async Task OpenNextAsync(ProjectStage stage, DateTime now)
    {
        var order = await db.StageDefinitions.Where(d => d.Id == stage.StageDefinitionId).Select(d => d.Order).SingleAsync();
        var next = await db.ProjectStages
            .Where(s => s.ProjectId == stage.ProjectId && s.StageDefinition.Order > order)
            .OrderBy(s => s.StageDefinition.Order)
            .FirstOrDefaultAsync();
        if (next is { State: StageState.Locked })
        {
            Record(next, StageAction.Open, StageState.Available, null, null, now);
        }
    }

    private void Record(ProjectStage stage, StageAction action, StageState to, string? userId, string? comment, DateTime now)
    {
        if (stage.State == to && action == StageAction.SaveDraft)
        {
            return; // saving a draft again is a revision, not a transition
        }

        db.StageEvents.Add(new StageEvent
        {
            ProjectStageId = stage.Id,
            ProjectId = stage.ProjectId,
            Action = action,
            FromState = stage.State,
            ToState = to,
            ActorId = userId,
            Comment = comment,
            OccurredAtUtc = now,
        });
        stage.State = to;
        stage.StateChangedAtUtc = now;
    }
}
