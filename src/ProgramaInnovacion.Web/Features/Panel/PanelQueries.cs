using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>Everything stored about one project's panel, loaded in a constant number of queries.</summary>
internal sealed record PanelData(ProjectHeading Project, bool Anonymize, StageState PanelState, DateTime? PublishedAtUtc, DateTime? ClosedAtUtc,
    IReadOnlyList<PanelCriterion> Criteria, IReadOnlyList<AssignmentData> Assignments)
{
    /// <summary>The panel as PanelWorkflow sees it from <paramref name="assignment"/>'s point of view (none: the coordinator's or the team's).</summary>
    public PanelSituation Situation(AssignmentData? assignment = null) => new(
        PanelWorkflow.Phase(PanelState, PublishedAtUtc is not null, ClosedAtUtc is not null),
        assignment is null ? AssignmentState.Pending : PanelWorkflow.State(assignment.Declaration, assignment.Evaluation?.Status),
        Assignments.Any(a => a.Evaluation is { Status: EvaluationStatus.Submitted }));
}

internal sealed record AssignmentData(int Id, string ExpertId, string ExpertName, string? ExpertEmail, DateTime AssignedAtUtc, ConflictDeclaration Declaration,
    string? DeclineReason, DateTime? DeclaredAtUtc, EvaluationData? Evaluation);

internal sealed record EvaluationData(int Id, EvaluationStatus Status, DateTime? SubmittedAtUtc, IReadOnlyList<ExpertScore> Scores, IReadOnlyList<RecommendationData> Recommendations);

internal sealed record RecommendationData(int Id, RecommendationCategory Category, RecommendationPriority Priority, string Text, ResponseView? Response);

/// <summary>Read models of the expert panel. Pages issue a fixed number of SQL commands however many experts or criteria.</summary>
public class PanelQueries(AppDbContext db, ApprovedDeliverables approved, TimeProvider time)
{
    public async Task<IReadOnlyList<ExpertAssignmentRow>> ExpertAssignmentsAsync(string userId) =>
        await db.PanelAssignments.AsNoTracking()
            .Where(a => a.ExpertId == userId && a.Project.Stages.Any(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State != StageState.Locked))
            .OrderBy(a => a.Project.Municipality.Name)
            .Select(a => new ExpertAssignmentRow(a.ProjectId, a.Project.Municipality.Name, a.Project.Municipality.Province, a.Project.Title, a.AssignedAtUtc,
                a.Declaration, a.Evaluation == null ? null : a.Evaluation.Status,
                a.Project.Stages.Any(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State == StageState.Approved)))
            .ToListAsync();

    public Task<ProjectHeading?> HeadingAsync(int projectId) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new ProjectHeading(p.Id, p.Municipality.Name, p.Municipality.Province, p.Title))
            .SingleOrDefaultAsync();

    /// <summary>The print view's heading: the project and its edition's name, in one query.</summary>
    public async Task<(ProjectHeading Project, string Edition)?> PrintHeadingAsync(int projectId)
    {
        var row = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { Heading = new ProjectHeading(p.Id, p.Municipality.Name, p.Municipality.Province, p.Title), Edition = p.Edition.Name })
            .SingleOrDefaultAsync();
        return row is null ? null : (row.Heading, row.Edition);
    }

    /// <summary>What an expert reads: the project's approved deliverables (<see cref="ApprovedDeliverables"/>).</summary>
    /// <param name="attachmentUrl">(projectId, attachmentId) → the download route this reader may use.</param>
    /// <param name="onlyRole">Only the stage with this role (the final project for the print view).</param>
    public Task<IReadOnlyList<ApprovedDeliverable>> ApprovedDeliverablesAsync(int projectId, Func<int, int, string> attachmentUrl, StageRole? onlyRole = null) =>
        approved.OfProjectAsync(projectId, attachmentUrl, onlyRole is { } role ? s => s.StageDefinition.Role == role : null);

    /// <summary>Whether the file is referred to by one of the approved deliverables the expert reads (and so may be downloaded).</summary>
    public Task<bool> IsApprovedAttachmentAsync(int projectId, int attachmentId) => approved.RefersToAsync(projectId, attachmentId);

    internal async Task<PanelData?> LoadAsync(int projectId) => (await LoadManyAsync(p => p.Id == projectId)).SingleOrDefault();

    /// <summary>The panels of the projects matched, in four SQL commands however many projects, experts or criteria.</summary>
    private async Task<List<PanelData>> LoadManyAsync(Expression<Func<Project, bool>> which)
    {
        var projects = await db.Projects.AsNoTracking().Where(which)
            .Select(p => new
            {
                Heading = new ProjectHeading(p.Id, p.Municipality.Name, p.Municipality.Province, p.Title),
                p.EditionId,
                p.Edition.AnonymizeExperts,
                PanelState = p.Stages.Where(s => s.StageDefinition.Role == StageRole.ExpertPanel).Select(s => (StageState?)s.State).FirstOrDefault(),
            })
            .ToListAsync();
        if (projects.Count == 0)
        {
            return [];
        }

        var projectIds = projects.Select(p => p.Heading.ProjectId).ToList();
        var criteria = await CriteriaAsync(projects.Select(p => p.EditionId).Distinct().ToList());
        var publications = (await db.PanelPublications.AsNoTracking().Where(p => projectIds.Contains(p.ProjectId))
            .Select(p => new { p.ProjectId, p.PublishedAtUtc, p.ClosedAtUtc }).ToListAsync())
            .ToDictionary(p => p.ProjectId);
        // Split: scores and recommendations are sibling collections; one joined query would multiply them.
        var assignments = (await db.PanelAssignments.AsNoTracking().AsSplitQuery()
            .Where(a => projectIds.Contains(a.ProjectId))
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.ProjectId,
                Data = new AssignmentData(a.Id, a.ExpertId, a.Expert.DisplayName, a.Expert.Email, a.AssignedAtUtc, a.Declaration, a.DeclineReason, a.DeclaredAtUtc,
                    a.Evaluation == null ? null : new EvaluationData(a.Evaluation.Id, a.Evaluation.Status, a.Evaluation.SubmittedAtUtc,
                        a.Evaluation.Scores.Select(s => new ExpertScore(s.CriterionId, s.Score, s.Comment)).ToList(),
                        a.Evaluation.Recommendations.OrderBy(r => r.Id).Select(r => new RecommendationData(r.Id, r.Category, r.Priority, r.Text,
                            r.Response == null ? null : new ResponseView(r.Response.Decision, r.Response.Action, r.Response.TargetDate, r.Response.RespondedAtUtc,
                                r.Response.FollowUp, r.Response.FollowUpNote, r.Response.FollowUpAtUtc))).ToList())),
            })
            .ToListAsync())
            .ToLookup(a => a.ProjectId, a => a.Data);

        return projects.Select(p =>
        {
            var publication = publications.GetValueOrDefault(p.Heading.ProjectId);
            return new PanelData(p.Heading, p.AnonymizeExperts, p.PanelState ?? StageState.Locked,
                publication?.PublishedAtUtc, publication?.ClosedAtUtc, criteria[p.EditionId].ToList(), assignments[p.Heading.ProjectId].ToList());
        }).ToList();
    }

    internal async Task<ILookup<int, PanelCriterion>> CriteriaAsync(IReadOnlyCollection<int> editionIds)
    {
        var rows = await db.RubricCriteria.AsNoTracking().Where(c => editionIds.Contains(c.EditionId)).OrderBy(c => c.Order)
            .Select(c => new { c.EditionId, c.Id, c.Order, c.Name, c.Description, c.Weight, c.Level1Label, c.Level2Label, c.Level3Label, c.Level4Label, c.Level5Label })
            .ToListAsync();
        return rows.ToLookup(c => c.EditionId, c => new PanelCriterion(c.Id, c.Order, c.Name, c.Description, c.Weight, [c.Level1Label, c.Level2Label, c.Level3Label, c.Level4Label, c.Level5Label]));
    }

    /// <summary>The panel's result over submitted evaluations; labels are names or "Experto n" (n by assignment order).</summary>
    internal static PanelResult Result(PanelData data, bool anonymize, int? excludeAssignmentId = null)
    {
        var evaluations = new List<ExpertEvaluationView>();
        var position = 0;
        foreach (var assignment in data.Assignments)
        {
            position++;
            if (assignment.Evaluation is not { Status: EvaluationStatus.Submitted } evaluation || assignment.Id == excludeAssignmentId)
            {
                continue;
            }

            evaluations.Add(View(data, assignment, evaluation, PanelText.ExpertLabel(assignment.ExpertName, position, anonymize)));
        }

        var submitted = data.Assignments.Where(a => a.Evaluation is { Status: EvaluationStatus.Submitted }).Select(a => a.Evaluation!).ToList();
        var perCriterion = data.Criteria.Select(c => new CriterionScores(c.Id, c.Weight,
            submitted.SelectMany(e => e.Scores).Where(s => s.CriterionId == c.Id && s.Score is not null).Select(s => s.Score!.Value).ToList())).ToList();
        var summaries = data.Criteria.Zip(perCriterion, (criterion, scores) =>
        {
            var spread = PanelScoring.Spread(scores);
            return new CriterionSummary(criterion, spread.Average, spread.Spread, spread.LargeDisagreement, scores.Scores.Count);
        }).ToList();
        return new PanelResult(PanelScoring.ProjectAverage(perCriterion), summaries, evaluations);
    }

    internal static ExpertEvaluationView View(PanelData data, AssignmentData assignment, EvaluationData evaluation, string label) =>
        new(assignment.Id, label, evaluation.Status, evaluation.SubmittedAtUtc, WeightedAverage(data, evaluation),
            evaluation.Scores,
            evaluation.Recommendations.Select(r => new RecommendationView(r.Id, r.Category, r.Priority, r.Text, label, r.Response)).ToList());

    internal static IReadOnlyList<AssignmentRow> AssignmentRows(PanelData data) =>
        data.Assignments.Select(a => new AssignmentRow(a.Id, a.ExpertName, a.ExpertEmail, a.AssignedAtUtc, a.Declaration, a.DeclineReason, a.DeclaredAtUtc,
            a.Evaluation?.Status, a.Evaluation?.SubmittedAtUtc,
            a.Evaluation is { Status: EvaluationStatus.Submitted } e ? WeightedAverage(data, e) : null)).ToList();

    private static double? WeightedAverage(PanelData data, EvaluationData evaluation) =>
        PanelScoring.WeightedAverage(data.Criteria.Select(c => (c.Weight, (double?)evaluation.Scores.FirstOrDefault(s => s.CriterionId == c.Id)?.Score)));

    public async Task<ProjectSummaryViewModel?> SummaryAsync(int projectId)
    {
        var data = await LoadAsync(projectId);
        if (data is null || !PanelWorkflow.MaySee(PanelView.Evaluations, data.Situation(), PanelActor.Coordinator))
        {
            return null;
        }

        return new ProjectSummaryViewModel(data.Project, data.PanelState, data.Anonymize, data.PublishedAtUtc, data.ClosedAtUtc, AssignmentRows(data), Result(data, anonymize: false));
    }

    public async Task<TeamPanelViewModel?> TeamViewAsync(int projectId, bool mayAnswer)
    {
        var data = await LoadAsync(projectId);
        if (data is null)
        {
            return null;
        }

        // Before publication the team learns nothing about the panel: no experts, no scores, no recommendations.
        return !PanelWorkflow.MaySee(PanelView.Evaluations, data.Situation(), PanelActor.Team)
            ? new TeamPanelViewModel(data.Project, null, null, null, false)
            : new TeamPanelViewModel(data.Project, data.PublishedAtUtc, data.ClosedAtUtc, Result(data, data.Anonymize), mayAnswer);
    }

    /// <summary>The expert's evaluation page: their own evaluation and, by the blind rule, the others only once theirs is submitted.</summary>
    public async Task<EvaluationPageViewModel?> EvaluationPageAsync(ExpertAccess access, EvaluationForm? posted = null)
    {
        var data = await LoadAsync(access.ProjectId);
        var own = data?.Assignments.SingleOrDefault(a => a.Id == access.AssignmentId);
        if (data is null || own is null)
        {
            return null;
        }

        var status = own.Evaluation?.Status ?? EvaluationStatus.Draft;
        var form = posted ?? new EvaluationForm
        {
            Scores = data.Criteria.Select(c => own.Evaluation?.Scores.FirstOrDefault(s => s.CriterionId == c.Id) is { } s
                ? new ScoreInput { CriterionId = c.Id, Score = s.Score, Comment = s.Comment }
                : new ScoreInput { CriterionId = c.Id }).ToList(),
            Recommendations = own.Evaluation?.Recommendations.Select(r => new RecommendationInput { Id = r.Id, Category = r.Category, Priority = r.Priority, Text = r.Text }).ToList() ?? [],
        };
        var ownView = own.Evaluation is null ? null : View(data, own, own.Evaluation, "Tu evaluación");
        var others = PanelWorkflow.MaySee(PanelView.Evaluations, data.Situation(own), PanelActor.AssignedExpert) ? Result(data, anonymize: false, excludeAssignmentId: own.Id) : null;
        return new EvaluationPageViewModel(data.Project, data.Criteria, status, status == EvaluationStatus.Draft && !access.PanelClosed,
            own.Evaluation?.SubmittedAtUtc, form, ownView, others);
    }

    /// <summary>
    /// The coordinator's overview: every project of the editions not yet ended with its panel open,
    /// assignments, results and the ranking (the panels of an ended edition, such as the demo's 2021,
    /// are history: each project's summary still shows them).
    /// </summary>
    /// <param name="scope">The editions the coordinator coordinates; null for all.</param>
    public async Task<CoordinatorPanelViewModel> CoordinatorOverviewAsync(IReadOnlySet<int>? scope)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var data = await LoadManyAsync(p => (scope == null || scope.Contains(p.EditionId))
            && (p.Edition.EndsAtUtc == null || p.Edition.EndsAtUtc > now)
            && p.Stages.Any(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State != StageState.Locked));
        var experts = await ExpertsAsync();
        var results = data.ToDictionary(d => d.Project.ProjectId, d => Result(d, anonymize: false));
        var ranking = PanelScoring.Rank(results.Select(r => (r.Key, r.Value.WeightedAverage))).ToDictionary(r => r.ProjectId);

        var rows = data.OrderBy(d => d.Project.Municipality).Select(d => new CoordinatorProjectRow(d.Project, d.PanelState, d.PublishedAtUtc, d.ClosedAtUtc, AssignmentRows(d),
            results[d.Project.ProjectId], ranking[d.Project.ProjectId].Rank,
            experts.Where(e => d.Assignments.All(a => a.ExpertId != e.Id)).ToList())).ToList();
        return new CoordinatorPanelViewModel(rows);
    }

    /// <summary>Active users with the expert role, by name.</summary>
    public async Task<IReadOnlyList<ExpertOption>> ExpertsAsync()
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.Expert).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new ExpertOption(u.Id, u.DisplayName, u.Email))
            .ToListAsync();
    }
}
