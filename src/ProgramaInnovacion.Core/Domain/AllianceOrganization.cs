namespace ProgramaInnovacion.Core.Domain;

public enum OrganizationSector
{
    Public,
    Private,
    ThirdSector,
}

/// <summary>What a person reads for a sector (es-AR).</summary>
public static class OrganizationSectorText
{
    public static string Label(this OrganizationSector sector) => sector switch
    {
        OrganizationSector.Public => "Sector público",
        OrganizationSector.Private => "Sector privado",
        OrganizationSector.ThirdSector => "Tercer sector",
        _ => sector.ToString(),
    };
}

/// <summary>A member of the Alianza por la Transformación Digital (RIL, AWS, OS City, SmartCity TNG…).</summary>
public class AllianceOrganization
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public OrganizationSector Sector { get; set; }

    public string? Description { get; set; }

    public string? Website { get; set; }
}
