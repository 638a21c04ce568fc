using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Features.Notifications;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <summary>
/// Applies an action to a project's stage (ProjectStage.Apply: the workflow's answer, the state and
/// its event) and does what an approval sets off: the next stage opens and the approval handlers
/// run. Callers authorize first (ProjectAccess) and save the context afterwards, together with
/// whatever else they changed.
/// </summary>
public class StageTransitions(AppDbContext db, TimeProvider time, IEnumerable<IStageApprovedHandler> approvedHandlers, Notifier notifier)
{
    public async Task<WorkflowResult> ApplyAsync(ProjectStage stage, StageAction action, WorkflowActor actor, string? userId, string? comment = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var result = stage.Apply(action, actor, userId, now, comment);
        if (result.Allowed && result.NewState == StageState.Approved)
        {
            await OpenNextAsync(stage, userId, now);
            foreach (var handler in approvedHandlers)
            {
                await handler.OnApprovedAsync(stage);
            }
        }

        return result;
    }

    private async Task OpenNextAsync(ProjectStage stage, string? userId, DateTime now)
    {
        var next = await db.ProjectStages
            .Where(s => s.ProjectId == stage.ProjectId
                && s.StageDefinition.Order > db.StageDefinitions.Where(d => d.Id == stage.StageDefinitionId).Select(d => d.Order).First())
            .OrderBy(s => s.StageDefinition.Order)
            .FirstOrDefaultAsync();
        if (next is { State: StageState.Locked })
        {
            next.Apply(StageAction.Open, WorkflowActor.System, null, now);
            var opened = await db.StageDefinitions.Where(d => d.Id == next.StageDefinitionId)
                .Select(d => new { d.Name, d.Key, Municipality = d.Edition.Projects.Where(p => p.Id == next.ProjectId).Select(p => p.Municipality.Name).First() })
                .SingleAsync();
            await notifier.RaiseAsync(new PortalEvent(PortalEventKind.StageOpened, userId, opened.Name, $"/proyectos/{next.ProjectId}/etapas/{opened.Key}")
            {
                ProjectId = next.ProjectId,
                Municipality = opened.Municipality,
            });
        }
    }
}
