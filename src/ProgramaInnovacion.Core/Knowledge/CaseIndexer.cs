using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Knowledge;

/// <summary>
/// Keeps the case library (CaseEntry) in step with approved deliverables. Changes are tracked on the
/// context and saved by the caller, so an approval and its cases commit together; the database keeps
/// its own full-text index of them in the same statement (a generated tsvector column on PostgreSQL,
/// triggers into an FTS5 table on SQLite; ADR 0014).
/// </summary>
public class CaseIndexer(AppDbContext db, TimeProvider time)
{
    /// <summary>Replaces the cases of one project stage with those of its latest approved submission.</summary>
    public async Task ReindexStageAsync(ProjectStage stage, CancellationToken ct = default)
    {
        var source = await Sources(db.ProjectStages.Where(s => s.Id == stage.Id)).SingleOrDefaultAsync(ct);
        var existing = await db.CaseEntries.Where(c => c.ProjectStageId == stage.Id).ToListAsync(ct);
        db.CaseEntries.RemoveRange(existing);
        if (source is not null && stage.State == StageState.Approved && CaseDocuments.IsIndexedStage(source.Role))
        {
            db.CaseEntries.AddRange(CaseDocuments.Build(source, time.GetUtcNow().UtcDateTime));
        }
    }

    /// <summary>
    /// Indexes approved final-project and case-study stages that have no cases yet (start-up and
    /// seeding); running it again adds nothing. Saves.
    /// </summary>
    public async Task IndexMissingAsync(CancellationToken ct = default)
    {
        var pending = await Sources(db.ProjectStages.Where(s =>
                s.State == StageState.Approved
                && (s.StageDefinition.Role == StageRole.CaseStudy || s.StageDefinition.Role == StageRole.FinalProject)
                && !db.CaseEntries.Any(c => c.ProjectStageId == s.Id)))
            .ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var source in pending)
        {
            db.CaseEntries.AddRange(CaseDocuments.Build(source, now));
        }

        await db.SaveChangesAsync(ct);
    }

    // Not ApprovedDeliverables(): at approval time the stage's new state is not saved yet.
    private static IQueryable<ApprovedStageSource> Sources(IQueryable<ProjectStage> stages) =>
        stages.WithLatestSubmission().Select(s => new ApprovedStageSource(
            s.Stage.Id,
            s.Stage.StageDefinition.Role,
            s.Stage.Project.EditionId,
            s.Stage.Project.Municipality.Name,
            s.Stage.Project.Municipality.Category,
            s.Stage.Project.Title,
            s.SubmissionJson));
}
