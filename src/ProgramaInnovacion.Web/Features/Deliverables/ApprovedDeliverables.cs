using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Deliverables;

/// <summary>An approved deliverable as a reader sees it: the stage, when it was approved, and the approved submission.</summary>
public sealed record ApprovedDeliverable(int Order, string Key, StageRole? Role, string Name, DateTime? ApprovedAtUtc, DeliverableViewModel Content);

/// <summary>
/// A project's approved deliverables read-only (the dossier, the expert panel, other teams in the
/// network): <see cref="StageSubmissions.ApprovedDeliverables"/> with links to the files each
/// approved submission refers to — not files uploaded to a later draft. Who may read is each caller's rule.
/// Two SQL commands: the submissions, then the files (only when some are referred to).
/// </summary>
public class ApprovedDeliverables(AppDbContext db, DeliverableAttachments attachments)
{
    /// <param name="attachmentUrl">(projectId, attachmentId) → the download route this reader may use.</param>
    /// <param name="only">Which of the project's stages to read (one stage by role or key); all when null.</param>
    public async Task<IReadOnlyList<ApprovedDeliverable>> OfProjectAsync(int projectId, Func<int, int, string> attachmentUrl, Expression<Func<ProjectStage, bool>>? only = null)
    {
        var approved = await ContentAsync(projectId, only);
        var linked = await attachments.WithLinksAsync(projectId, approved.Select(d => d.Content).ToList(), attachmentUrl);
        return approved.Zip(linked, (deliverable, content) => deliverable with { Content = content }).ToList();
    }

    /// <summary>Whether one of the project's approved submissions refers to the file (so its readers may download it).</summary>
    public async Task<bool> RefersToAsync(int projectId, int attachmentId, Expression<Func<ProjectStage, bool>>? only = null) =>
        (await ContentAsync(projectId, only)).Any(d => DeliverableAttachments.References(d.Content, attachmentId));

    private async Task<List<ApprovedDeliverable>> ContentAsync(int projectId, Expression<Func<ProjectStage, bool>>? only)
    {
        var stages = db.ProjectStages.AsNoTracking().Where(s => s.ProjectId == projectId);
        var rows = await (only is null ? stages : stages.Where(only))
            .ApprovedDeliverables()
            .Select(s => new
            {
                s.Stage.StageDefinition.Order,
                s.Stage.StageDefinition.Key,
                s.Stage.StageDefinition.Role,
                s.Stage.StageDefinition.Name,
                s.Stage.StageDefinition.SchemaJson,
                s.Stage.ApprovedAtUtc,
                s.SubmissionJson,
            })
            .ToListAsync();
        return rows.Select(r => new ApprovedDeliverable(r.Order, r.Key, r.Role, r.Name, r.ApprovedAtUtc, DeliverableViewModel.From(r.SchemaJson, r.SubmissionJson))).ToList();
    }
}
