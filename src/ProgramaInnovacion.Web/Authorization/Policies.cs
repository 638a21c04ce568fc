namespace ProgramaInnovacion.Web.Authorization;

/// <summary>Authorization policy names; every controller declares one of them or [AllowAnonymous].</summary>
public static class Policies
{
    public const string Administration = "Administracion";
    public const string Coordination = "Coordinacion";
    public const string Expert = "Experto";
}
