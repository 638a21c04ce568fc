namespace ProgramaInnovacion.Core.Domain;

public enum OrganizationSector
{
    Public,
    Private,
    ThirdSector,
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
