using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.Web.Features.Deliverables;

/// <summary>An attachment as a reader sees it: a name to show and where to download it.</summary>
public sealed record AttachmentLink(int Id, string FileName, long SizeBytes, string DownloadUrl);

/// <summary>
/// Read-only rendering of a deliverable against its schema: the review page, the dossier, the
/// expert's reading and shared deliverables all show content through _DeliverableView.
/// </summary>
public sealed record DeliverableViewModel(StageSchema Schema, DeliverableContent Content, IReadOnlyDictionary<int, AttachmentLink> Attachments)
{
    public static DeliverableViewModel From(string schemaJson, string? contentJson, IEnumerable<AttachmentLink>? attachments = null) =>
        From(StageSchema.FromJson(schemaJson), contentJson, attachments);

    /// <summary>For a schema already parsed.</summary>
    public static DeliverableViewModel From(StageSchema schema, string? contentJson, IEnumerable<AttachmentLink>? attachments = null) =>
        new(schema, DeliverableContent.Parse(contentJson), (attachments ?? []).ToDictionary(a => a.Id));
}
