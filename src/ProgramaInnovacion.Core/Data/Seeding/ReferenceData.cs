using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>The facts of the program: the alliance organisations (every installation starts with them) and the first edition, its dates and five municipalities (which the demo tells).</summary>
public static class ReferenceData
{
    public const string FirstEditionName = "Programa Intensivo de Innovación para la Transformación Digital 2021";
    public const string FirstEditionTheme = "Digitalización de Servicios";

    /// <summary>Tuesday 27 July 2021, 11:00 Argentina time.</summary>
    public static readonly DateTime FirstEditionStartUtc = ArgentinaTime.ToUtc(new DateOnly(2021, 7, 27), new TimeOnly(11, 0));

    /// <summary>Tuesday 14 December 2021, 18:00 Argentina time.</summary>
    public static readonly DateTime FirstEditionEndUtc = ArgentinaTime.ToUtc(new DateOnly(2021, 12, 14), new TimeOnly(18, 0));

    /// <summary>Two weeks per stage from the kick-off day, due at 18:00 Argentina time.</summary>
    public static DateTime FirstEditionDueDateUtc(int stageOrder) =>
        ArgentinaTime.ToUtc(new DateOnly(2021, 7, 27).AddDays(14 * stageOrder), new TimeOnly(18, 0));

    public static IReadOnlyList<AllianceOrganization> Organizations { get; } =
    [
        new() { Name = "RIL – Red de Innovación Local", Sector = OrganizationSector.ThirdSector, Website = "https://www.ril.org.ar", Description = "Coordina el programa y acompaña a los equipos municipales." },
        new() { Name = "AWS", Sector = OrganizationSector.Private, Website = "https://aws.amazon.com", Description = "Aporta especialistas en servicios en la nube." },
        new() { Name = "OS City", Sector = OrganizationSector.Private, Website = "https://os.city", Description = "Aporta especialistas en gobierno digital." },
        new() { Name = "SmartCity TNG", Sector = OrganizationSector.Private, Description = "Aporta especialistas en ciudades inteligentes." },
    ];

    public static IReadOnlyList<Municipality> Municipalities { get; } =
    [
        new() { Name = "Tandil", Province = "Buenos Aires", Slug = "tandil", Category = MunicipalityCategory.Intermediate, Population = 150000 },
        new() { Name = "Bariloche", Province = "Río Negro", Slug = "bariloche", Category = MunicipalityCategory.Intermediate, Population = 135000 },
        new() { Name = "Jesús María", Province = "Córdoba", Slug = "jesusmaria", Category = MunicipalityCategory.Small, Population = 35000 },
        new() { Name = "Bahía Blanca", Province = "Buenos Aires", Slug = "bahiablanca", Category = MunicipalityCategory.Large, Population = 310000 },
        new() { Name = "Gualeguaychú", Province = "Entre Ríos", Slug = "gualeguaychu", Category = MunicipalityCategory.Intermediate, Population = 110000 },
    ];
}
