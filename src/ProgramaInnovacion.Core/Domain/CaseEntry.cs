namespace ProgramaInnovacion.Core.Domain;

/// <summary>Where a library case comes from.</summary>
public enum CaseSource
{
    /// <summary>An approved "Proyecto final" deliverable.</summary>
    FinalProject,
    /// <summary>A row of an approved "Estudio de casos" table.</summary>
    CaseStudy,
}

public static class CaseSourceText
{
    public static string Label(this CaseSource source) => source switch
    {
        CaseSource.FinalProject => "Proyecto final",
        CaseSource.CaseStudy => "Estudio de casos",
        _ => source.ToString(),
    };
}

/// <summary>
/// A case of the library, derived from approved deliverables (rebuilt when a stage is approved).
/// The case-study columns are kept so a team can copy the case into its own table.
/// </summary>
public class CaseEntry
{
    public int Id { get; set; }

    public CaseSource Source { get; set; }

    public int ProjectStageId { get; set; }

    public ProjectStage ProjectStage { get; set; } = null!;

    /// <summary>Index of the table row for case-study rows; 0 for final projects.</summary>
    public int RowIndex { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    /// <summary>The municipality of the team that documented the case.</summary>
    public required string MunicipalityName { get; set; }

    public MunicipalityCategory MunicipalityCategory { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>Markdown body of the case page.</summary>
    public required string Body { get; set; }

    /// <summary>Case-study columns: ciudad, pais, descripcion, resultados, lecciones, fuente.</summary>
    public required string City { get; set; }

    public required string Country { get; set; }

    public required string Description { get; set; }

    public string Results { get; set; } = "";

    public required string Lessons { get; set; }

    public string? SourceUrl { get; set; }

    public DateTime IndexedAtUtc { get; set; }
}
