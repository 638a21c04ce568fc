using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Deliverables;

/// <summary>An approved deliverable as a reader sees it: the stage, when it was approved, and the approved submission.</summary>
public sealed record ApprovedDeliverable(int Order, string Key, string Name, DateTime? ApprovedAtUtc, DeliverableViewModel Content);

/// <summary>
/// A project's approved deliverables read-only (the dossier, the expert panel, other teams in the
/// network): <see cref="StageSubmissions.ApprovedDeliverables"/> with links to the files each
/// approved submission refers to — not files uploaded to a later draft. Who may read is each caller's rule.
/// Two SQL commands: the submissions, then the files (only when some are referred to).
/// </summary>
public class ApprovedDeliverables(AppDbContext db, DeliverableAttachments attachments)
{
    /// <param name="attachmentUrl">(projectId, attachmentId) → the download route this reader may use.</param>
    /// <param name="onlyKey">One stage's deliverable instead of all of them.</param>
    public async Task<IReadOnlyList<ApprovedDeliverable>> OfProjectAsync(int projectId, Func<int, int, string> attachmentUrl, string? onlyKey = null)
    {
        var approved = await ContentAsync(projectId, onlyKey);
        var linked = await attachments.WithLinksAsync(projectId, approved.Select(d => d.Content).ToList(), attachmentUrl);
        return approved.Zip(linked, (deliverable, content) => deliverable with { Content = content }).ToList();
    }

    /// <summary>Whether one of the project's approved submissions refers to the file (so its readers may download it).</summary>
    public async Task<bool> RefersToAsync(int projectId, int attachmentId, string? onlyKey = null) =>
        (await ContentAsync(projectId, onlyKey)).Any(d => DeliverableAttachments.References(d.Content, attachmentId));

    private async Task<List<ApprovedDeliverable>> ContentAsync(int projectId, string? onlyKey)
    {
        var rows = await db.ProjectStages.AsNoTracking()
            .Where(s => s.ProjectId == projectId && (onlyKey == null || s.StageDefinition.Key == onlyKey))
            .ApprovedDeliverables()
            .Select(s => new
            {
                s.Stage.StageDefinition.Order,
                s.Stage.StageDefinition.Key,
                s.Stage.StageDefinition.Name,
                s.Stage.StageDefinition.SchemaJson,
                s.Stage.ApprovedAtUtc,
                s.SubmissionJson,
            })
            .ToListAsync();
        return rows.Select(r => new ApprovedDeliverable(r.Order, r.Key, r.Name, r.ApprovedAtUtc, DeliverableViewModel.From(r.SchemaJson, r.SubmissionJson))).ToList();
    }
}
