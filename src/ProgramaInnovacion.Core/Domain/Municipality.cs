namespace ProgramaInnovacion.Core.Domain;

/// <summary>City size category, used to select editions that span different kinds of cities.</summary>
public enum MunicipalityCategory
{
    Small,
    Intermediate,
    Large,
}

public static class MunicipalityCategoryText
{
    public static string Label(this MunicipalityCategory category) => category switch
    {
        MunicipalityCategory.Small => "Ciudad pequeña",
        MunicipalityCategory.Intermediate => "Ciudad intermedia",
        MunicipalityCategory.Large => "Ciudad grande",
        _ => category.ToString(),
    };
}

public class Municipality
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Province { get; set; }

    public MunicipalityCategory Category { get; set; }

    public int? Population { get; set; }

    /// <summary>The official code of the local government (INDEC), the key of the CSV import; null for municipalities typed in by hand.</summary>
    public string? OfficialCode { get; set; }

    /// <summary>Short ASCII key used in demo e-mail addresses and URLs (e.g. "jesusmaria").</summary>
    public required string Slug { get; set; }
}
