namespace ProgramaInnovacion.Core.Domain;

/// <summary>Identity role names. They are what a person reads in the UI, so they are Spanish.</summary>
public static class Roles
{
    public const string Administrator = "Administrador";
    public const string Coordinator = "Coordinador";
    public const string MunicipalTeam = "Equipo municipal";
    public const string Expert = "Experto";

    /// <summary>A specialist of an alliance organisation who reads and comments on the projects assigned to them.</summary>
    public const string Mentor = "Mentor / Especialista";

    public static readonly IReadOnlyList<string> All = [Administrator, Coordinator, MunicipalTeam, Expert, Mentor];
}
