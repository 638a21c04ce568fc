namespace ProgramaInnovacion.Core.Domain;

/// <summary>One stage of an edition's template: what the teams hand in and when.</summary>
public class StageDefinition : IVersioned
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public int Order { get; set; }

    /// <summary>URL key, e.g. "desafio". Features never look a stage up by it: they use <see cref="Role"/>.</summary>
    public required string Key { get; set; }

    /// <summary>What the stage is for (final project, case study…); null for a stage no feature depends on.</summary>
    public StageRole? Role { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Guiding questions, one per line.</summary>
    public string GuidingQuestions { get; set; } = "";

    /// <summary>The deliverable's field schema as JSON (see Deliverables.StageSchema).</summary>
    public string SchemaJson { get; set; } = "{\"fields\":[]}";

    /// <summary>False for stages whose content is not a team form (the expert panel).</summary>
    public bool HasTeamForm { get; set; } = true;

    public DateTime? DueAtUtc { get; set; }

    /// <inheritdoc/>
    public int Version { get; private set; }
}
