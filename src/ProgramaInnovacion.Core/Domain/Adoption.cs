namespace ProgramaInnovacion.Core.Domain;

public enum AdoptionStatus
{
    Interested,
    Implementing,
    Implemented,
    Discontinued,
}

public static class AdoptionStatusText
{
    public static string Label(this AdoptionStatus status) => status switch
    {
        AdoptionStatus.Interested => "En conversación",
        AdoptionStatus.Implementing => "En implementación",
        AdoptionStatus.Implemented => "Implementado",
        AdoptionStatus.Discontinued => "Discontinuado",
        _ => status.ToString(),
    };
}

/// <summary>Another municipality that adopts or replicates a project: the scaling the program aims at.</summary>
public class Adoption
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    /// <summary>The adopting municipality (not the project's own).</summary>
    public int MunicipalityId { get; set; }

    public Municipality Municipality { get; set; } = null!;

    public DateOnly AdoptedOn { get; set; }

    public AdoptionStatus Status { get; set; }

    /// <summary>Who to talk to in the adopting municipality; never shown on the public showcase.</summary>
    public string? Contact { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedById { get; set; }
}
