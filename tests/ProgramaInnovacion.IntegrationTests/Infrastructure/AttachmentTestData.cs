using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// Files on the demo deliverables, written as an upload would (row + bytes in the file store), and
/// listed in a chosen revision's content — the approved submission or a later draft.
/// </summary>
internal static class AttachmentTestData
{
    public static readonly byte[] Pdf = "%PDF-1.4\n%adjunto de prueba\n"u8.ToArray();

    /// <summary>A file of the stage's deliverable (its "adjuntos" field), not yet listed in any content.</summary>
    public static async Task<int> StoreAttachmentAsync(this PortalFactory factory, int projectId, string stageKey, string fileName, bool withBytes = true)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var deliverable = await db.Deliverables.Include(d => d.Revisions)
            .SingleAsync(d => d.ProjectStage.ProjectId == projectId && d.ProjectStage.StageDefinition.Key == stageKey);
        // Without bytes: a name the store could have made, with no file behind it.
        var storedName = withBytes ? await files.SaveAsync(new MemoryStream(Pdf)) : Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var attachment = new Attachment
        {
            DeliverableId = deliverable.Id,
            FieldKey = "adjuntos",
            OriginalFileName = fileName,
            StoredName = storedName,
            ContentType = "application/pdf",
            SizeBytes = Pdf.Length,
            UploadedById = deliverable.Revisions[0].AuthorId,
            UploadedAtUtc = factory.Time.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    /// <summary>Lists the file in the "adjuntos" field of the stage's latest submission (what was approved).</summary>
    public static Task ReferenceInSubmissionAsync(this PortalFactory factory, int projectId, string stageKey, int attachmentId) =>
        factory.WithDbAsync(async db =>
        {
            var submission = await db.DeliverableRevisions
                .Where(r => r.Deliverable.ProjectStage.ProjectId == projectId && r.Deliverable.ProjectStage.StageDefinition.Key == stageKey && r.Kind == RevisionKind.Submission)
                .OrderByDescending(r => r.Number).FirstAsync();
            submission.ContentJson = WithAttachment(submission.ContentJson, attachmentId);
            await db.SaveChangesAsync();
        });

    /// <summary>A draft after the approval (as after a reopen) that lists the file: never what was approved.</summary>
    public static Task ReferenceInLaterDraftAsync(this PortalFactory factory, int projectId, string stageKey, int attachmentId) =>
        factory.WithDbAsync(async db =>
        {
            var deliverable = await db.Deliverables.Include(d => d.Revisions)
                .SingleAsync(d => d.ProjectStage.ProjectId == projectId && d.ProjectStage.StageDefinition.Key == stageKey);
            var latest = deliverable.Revisions.OrderBy(r => r.Number).Last();
            var content = WithAttachment(latest.ContentJson, attachmentId);
            deliverable.Revisions.Add(new DeliverableRevision
            {
                Number = latest.Number + 1,
                Kind = RevisionKind.Draft,
                ContentJson = content,
                AuthorId = latest.AuthorId,
                CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime,
            });
            deliverable.ContentJson = content;
            await db.SaveChangesAsync();
        });

    private static string WithAttachment(string contentJson, int attachmentId)
    {
        var content = JsonNode.Parse(contentJson)!.AsObject();
        if (content["adjuntos"] is not JsonArray ids)
        {
            ids = [];
            content["adjuntos"] = ids;
        }

        ids.Add(attachmentId);
        return content.ToJsonString();
    }
}
