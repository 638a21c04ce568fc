namespace ProgramaInnovacion.Core.Domain;

/// <summary>Identity role names. They are what a person reads in the UI, so they are Spanish.</summary>
public static class Roles
{
    public const string Administrator = "Administrador";
    public const string Coordinator = "Coordinador";
    public const string MunicipalTeam = "Equipo municipal";
    public const string Expert = "Experto";

    public static readonly IReadOnlyList<string> All = [Administrator, Coordinator, MunicipalTeam, Expert];
}
