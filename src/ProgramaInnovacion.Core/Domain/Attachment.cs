namespace ProgramaInnovacion.Core.Domain;

/// <summary>Metadata of an uploaded file; the bytes live in the file store under StoredName.</summary>
public class Attachment
{
    public int Id { get; set; }

    public int DeliverableId { get; set; }

    public Deliverable Deliverable { get; set; } = null!;

    /// <summary>The schema field the file belongs to.</summary>
    public required string FieldKey { get; set; }

    /// <summary>The name the user gave the file, for display only; never used as a path.</summary>
    public required string OriginalFileName { get; set; }

    /// <summary>Random name in the file store.</summary>
    public required string StoredName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required string UploadedById { get; set; }

    public AppUser UploadedBy { get; set; } = null!;

    public DateTime UploadedAtUtc { get; set; }
}
