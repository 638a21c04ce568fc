namespace ProgramaInnovacion.Core.Domain;

/// <summary>A municipality's participation in an edition: the unit a municipal team works on.</summary>
public class Project
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public int MunicipalityId { get; set; }

    public Municipality Municipality { get; set; } = null!;

    /// <summary>Working title; the challenge stage refines it.</summary>
    public string? Title { get; set; }

    /// <summary>True for content created by the demo seed, so it can be told apart from real data.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<ProjectStage> Stages { get; set; } = [];

    public List<ProjectMember> Members { get; set; } = [];
}
