namespace ProgramaInnovacion.Core.Domain;

/// <summary>A message in a deliverable's thread between the team and the coordinators.</summary>
public class Comment
{
    public int Id { get; set; }

    public int DeliverableId { get; set; }

    public Deliverable Deliverable { get; set; } = null!;

    public required string AuthorId { get; set; }

    public AppUser Author { get; set; } = null!;

    /// <summary>Markdown source; rendered sanitised.</summary>
    public required string BodyMarkdown { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Written by an assigned mentor: labelled "Mentoría" with their organisation, even if the assignment ends later.</summary>
    public bool ByMentor { get; set; }
}
