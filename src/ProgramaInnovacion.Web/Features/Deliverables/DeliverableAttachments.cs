using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.Web.Features.Deliverables;

/// <summary>
/// The files a deliverable's content refers to: links for the pages that show it read-only and the
/// download itself. Who may read is each caller's rule (team, expert, other team); this class only
/// says which files a content refers to and serves one of a project's files.
/// </summary>
public class DeliverableAttachments(AppDbContext db, IFileStore files)
{
    /// <summary>The attachment ids listed in the content's attachment fields.</summary>
    public static IReadOnlySet<int> ReferencedIds(DeliverableViewModel deliverable) =>
        deliverable.Schema.Fields.Where(f => f.Type == FieldType.Attachments)
            .SelectMany(f => deliverable.Content.AttachmentIds(f.Key))
            .ToHashSet();

    public static bool References(DeliverableViewModel deliverable, int attachmentId) => ReferencedIds(deliverable).Contains(attachmentId);

    /// <summary>
    /// The deliverables with a link for each file their content refers to, in one query for all of
    /// them. An id that is not a file of this project gets no link.
    /// </summary>
    /// <param name="downloadUrl">(projectId, attachmentId) → the route the reader is allowed to use.</param>
    public async Task<IReadOnlyList<DeliverableViewModel>> WithLinksAsync(int projectId, IReadOnlyList<DeliverableViewModel> deliverables, Func<int, int, string> downloadUrl)
    {
        var ids = deliverables.SelectMany(ReferencedIds).Distinct().ToList();
        if (ids.Count == 0)
        {
            return deliverables;
        }

        var links = (await db.Attachments.AsNoTracking()
                .Where(a => ids.Contains(a.Id) && a.Deliverable.ProjectStage.ProjectId == projectId)
                .Select(a => new { a.Id, a.OriginalFileName, a.SizeBytes })
                .ToListAsync())
            .ToDictionary(a => a.Id, a => new AttachmentLink(a.Id, a.OriginalFileName, a.SizeBytes, downloadUrl(projectId, a.Id)));
        return deliverables
            .Select(d => d with { Attachments = ReferencedIds(d).Where(links.ContainsKey).ToDictionary(id => id, id => links[id]) })
            .ToList();
    }

    public async Task<DeliverableViewModel> WithLinksAsync(int projectId, DeliverableViewModel deliverable, Func<int, int, string> downloadUrl) =>
        (await WithLinksAsync(projectId, [deliverable], downloadUrl))[0];

    /// <summary>
    /// One of the project's files as a download; 404 when the id is another project's file or the
    /// bytes are gone. The caller has already checked that this reader may have it.
    /// </summary>
    public async Task<IActionResult> DownloadAsync(HttpResponse response, int projectId, int attachmentId)
    {
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.Deliverable.ProjectStage.ProjectId == projectId)
            .Select(a => new { a.StoredName, a.OriginalFileName, a.ContentType })
            .SingleOrDefaultAsync();
        var stream = file is null ? null : await files.OpenReadAsync(file.StoredName);
        if (stream is null)
        {
            return new NotFoundResult();
        }

        // A download with the type checked at upload, never content the browser sniffs and runs.
        response.Headers.XContentTypeOptions = "nosniff";
        return new FileStreamResult(stream, file!.ContentType) { FileDownloadName = file.OriginalFileName };
    }
}
