namespace ProgramaInnovacion.Core.Domain;

public enum RevisionKind
{
    Draft,
    Submission,
}

/// <summary>An immutable snapshot of a deliverable, written on every save.</summary>
public class DeliverableRevision
{
    public int Id { get; set; }

    public int DeliverableId { get; set; }

    public Deliverable Deliverable { get; set; } = null!;

    /// <summary>1, 2, 3… within the deliverable.</summary>
    public int Number { get; set; }

    public RevisionKind Kind { get; set; }

    public required string ContentJson { get; set; }

    public required string AuthorId { get; set; }

    public AppUser Author { get; set; } = null!;

    public DateTime CreatedAtUtc { get; set; }
}
