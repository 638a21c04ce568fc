using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>When the coordination closes a project's panel, its follow-up starts in the same transaction.</summary>
public class FollowUpOnPanelClosed(AppDbContext db) : IStageApprovedHandler
{
    public async Task OnApprovedAsync(ProjectStage stage)
    {
        var role = await db.StageDefinitions.Where(d => d.Id == stage.StageDefinitionId).Select(d => d.Role).SingleAsync();
        if (role == StageRole.ExpertPanel
            && !await db.FollowUpIndicators.AnyAsync(i => i.ProjectId == stage.ProjectId)
            && !await db.FollowUpActivities.AnyAsync(a => a.ProjectId == stage.ProjectId))
        {
            await ResultsDataStep.StartFollowUpAsync(db, stage.ProjectId);
        }
    }
}
