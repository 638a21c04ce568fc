namespace ProgramaInnovacion.Core.Domain;

/// <summary>The current content of a stage's deliverable. History lives in immutable revisions.</summary>
public class Deliverable
{
    public int Id { get; set; }

    public int ProjectStageId { get; set; }

    public ProjectStage ProjectStage { get; set; } = null!;

    /// <summary>Content as JSON, an object keyed by field key, validated against the stage schema.</summary>
    public string ContentJson { get; set; } = "{}";

    /// <summary>Incremented on every save; the optimistic-concurrency token on both providers.</summary>
    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedById { get; set; }

    public AppUser? UpdatedBy { get; set; }

    /// <summary>The team marked its draft "lista para recibir comentarios": assigned mentors may read it before it is submitted.</summary>
    public bool ReadyForFeedback { get; set; }

    public List<DeliverableRevision> Revisions { get; set; } = [];

    public List<Attachment> Attachments { get; set; } = [];

    public List<Comment> Comments { get; set; } = [];
}
