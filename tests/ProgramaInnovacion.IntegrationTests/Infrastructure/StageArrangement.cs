using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// Arranging a test only: puts a tracked stage straight into a state (and submission date) without
/// the workflow and without a timeline event, so a test can start from any state in one step. The
/// portal itself changes stage state only through ProjectStage.Apply (its setters are private).
/// </summary>
public static class StageArrangement
{
    public static void ForceState(this AppDbContext db, ProjectStage stage, StageState state) =>
        db.Entry(stage).Property(s => s.State).CurrentValue = state;

    public static void ForceSubmittedAt(this AppDbContext db, ProjectStage stage, DateTime? submittedAtUtc) =>
        db.Entry(stage).Property(s => s.SubmittedAtUtc).CurrentValue = submittedAtUtc;

    public static void ForceApprovedAt(this AppDbContext db, ProjectStage stage, DateTime? approvedAtUtc) =>
        db.Entry(stage).Property(s => s.ApprovedAtUtc).CurrentValue = approvedAtUtc;
}
