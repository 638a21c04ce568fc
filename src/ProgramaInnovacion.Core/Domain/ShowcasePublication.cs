namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// A project published on its edition's public showcase: decided by the coordination, with the
/// team's consent recorded (who, how, when). Without this row nothing of the project is public.
/// </summary>
public class ShowcasePublication
{
    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    /// <summary>How the team consented ("correo de la intendenta del 3/3/2022"), required to publish.</summary>
    public required string TeamConsent { get; set; }

    /// <summary>The team also agreed to show the panel's published recommendations.</summary>
    public bool IncludeRecommendations { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    public string? PublishedById { get; set; }
}
