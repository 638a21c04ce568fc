namespace ProgramaInnovacion.Core.Domain;

/// <summary>A project stage with the content of its latest submission (null when the team never submitted it).</summary>
public sealed class StageWithSubmission
{
    public required ProjectStage Stage { get; init; }

    public string? SubmissionJson { get; init; }
}

/// <summary>
/// The read rules on submissions, written once for every reader (panel, dossier, shared network,
/// case library): what a coordinator approved is the team's latest submission — never a draft
/// saved after it — and a project's approved deliverables are its approved stages with a team form
/// that have one. Both compose into a caller's query, so each page keeps a fixed number of SQL commands.
/// </summary>
public static class StageSubmissions
{
    /// <summary>Each stage with the content of its latest submission, in the same SQL command.</summary>
    public static IQueryable<StageWithSubmission> WithLatestSubmission(this IQueryable<ProjectStage> stages) =>
        stages.Select(s => new StageWithSubmission
        {
            Stage = s,
            SubmissionJson = s.Deliverable!.Revisions
                .Where(r => r.Kind == RevisionKind.Submission)
                .OrderByDescending(r => r.Number)
                .Select(r => r.ContentJson)
                .FirstOrDefault(),
        });

    /// <summary>The approved deliverables among the stages, in stage order: approved, with a team form and a submission.</summary>
    public static IQueryable<StageWithSubmission> ApprovedDeliverables(this IQueryable<ProjectStage> stages) =>
        stages.Where(s => s.State == StageState.Approved && s.StageDefinition.HasTeamForm)
            .WithLatestSubmission()
            .Where(s => s.SubmissionJson != null)
            .OrderBy(s => s.Stage.StageDefinition.Order);
}
