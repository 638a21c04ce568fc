using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Results;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// The idempotent start-up step of the results feature (docs/migrations.md, step 3): final-project
/// schemas whose indicators were free text become indicator fields; drafts the teams can still edit
/// get their baselines and targets read as numbers where they parse (submissions are history and
/// stay as written; readers parse them through IndicatorUpgrade); and every project whose panel is
/// closed has its follow-up (indicators and activities) — the panels closed before this feature too.
/// </summary>
public class ResultsDataStep(AppDbContext db)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        await UpgradeIndicatorFieldsAsync(ct);
        await StartFollowUpsAsync(ct);
    }

    private async Task UpgradeIndicatorFieldsAsync(CancellationToken ct)
    {
        var definitions = await db.StageDefinitions.Where(d => d.Role == StageRole.FinalProject).ToListAsync(ct);
        foreach (var definition in definitions)
        {
            var schema = StageSchema.FromJson(definition.SchemaJson);
            if (IndicatorUpgrade.UpgradeSchema(schema) is { } upgraded)
            {
                definition.SchemaJson = upgraded.ToJson();
                schema = upgraded;
            }

            var editable = await db.Deliverables
                .Where(d => d.ProjectStage.StageDefinitionId == definition.Id
                    && (d.ProjectStage.State == StageState.Available || d.ProjectStage.State == StageState.InProgress || d.ProjectStage.State == StageState.ChangesRequested))
                .ToListAsync(ct);
            foreach (var deliverable in editable)
            {
                var content = DeliverableContent.Parse(deliverable.ContentJson);
                if (IndicatorUpgrade.UpgradeContent(schema, content.Root))
                {
                    deliverable.ContentJson = content.ToJson();
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task StartFollowUpsAsync(CancellationToken ct)
    {
        var waiting = await db.ProjectStages
            .Where(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State == StageState.Approved
                && !db.FollowUpIndicators.Any(i => i.ProjectId == s.ProjectId)
                && !db.FollowUpActivities.Any(a => a.ProjectId == s.ProjectId))
            .Select(s => s.ProjectId)
            .ToListAsync(ct);
        foreach (var projectId in waiting)
        {
            await StartFollowUpAsync(db, projectId, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a project's follow-up from its approved final project to the context (the caller saves).</summary>
    public static async Task StartFollowUpAsync(AppDbContext db, int projectId, CancellationToken ct = default)
    {
        var finalProject = await db.ProjectStages.AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.StageDefinition.Role == StageRole.FinalProject)
            .WithLatestSubmission()
            .Select(s => new { s.Stage.StageDefinition.SchemaJson, s.SubmissionJson })
            .FirstOrDefaultAsync(ct);
        if (finalProject?.SubmissionJson is null)
        {
            return;
        }

        var (indicators, activities) = FollowUpPlan.From(projectId, StageSchema.FromJson(finalProject.SchemaJson), finalProject.SubmissionJson);
        db.FollowUpIndicators.AddRange(indicators);
        db.FollowUpActivities.AddRange(activities);
    }
}
