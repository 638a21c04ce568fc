namespace ProgramaInnovacion.Core.Domain;

/// <summary>An edition (cohort) of the program: its dates, theme and the settings that change how it runs.</summary>
public class ProgramEdition
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Theme { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public DateTime? EndsAtUtc { get; set; }

    /// <summary>When on, team members may read other teams' approved deliverables.</summary>
    public bool ShareApprovedDeliverables { get; set; }

    /// <summary>When on, panel results show "Experto 1, 2…" instead of names.</summary>
    public bool AnonymizeExperts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Where the edition is in its life (EditionLifecycle); a new edition starts in preparation.</summary>
    public EditionPhase Phase { get; set; } = EditionPhase.Preparation;

    /// <summary>
    /// Replaced by AppDbContext, in the same transaction, with every save that adds, changes or
    /// deletes one of the edition's stage definitions, projects or project stages: what the
    /// coordination dashboard is built from can be told unchanged by reading this one value.
    /// </summary>
    public Guid ProgressStamp { get; set; }

    public List<StageDefinition> Stages { get; set; } = [];

    public List<Project> Projects { get; set; } = [];
}
