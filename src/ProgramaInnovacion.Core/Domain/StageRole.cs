namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// What a stage is for in the methodology, so features find "the final project" or "the case
/// study" by role rather than by URL key: a template whose stages are renamed or re-keyed keeps
/// its panel, case library and insights. At most one stage per edition has each role.
/// </summary>
public enum StageRole
{
    Challenge,
    ActorMap,
    Partners,
    Validation,
    Ideation,
    Prototype,
    FieldTest,

    /// <summary>Its table of cases feeds the case library; "add a case to my case study" appends to it.</summary>
    CaseStudy,

    /// <summary>Feeds the case library; the expert panel reads it first.</summary>
    FinalProject,

    /// <summary>No team form: opened when the final project is approved, approved when the panel closes.</summary>
    ExpertPanel,
}

/// <summary>What a person reads for a stage role (es-AR).</summary>
public static class StageRoleText
{
    public static string Label(this StageRole role) => role switch
    {
        StageRole.Challenge => "Desafío",
        StageRole.ActorMap => "Mapeo de actores",
        StageRole.Partners => "Socios para la implementación",
        StageRole.Validation => "Validación territorial",
        StageRole.Ideation => "Ideación",
        StageRole.Prototype => "Prototipo",
        StageRole.FieldTest => "Prueba en territorio",
        StageRole.CaseStudy => "Estudio de casos",
        StageRole.FinalProject => "Proyecto final",
        StageRole.ExpertPanel => "Mesa de expertos",
        _ => role.ToString(),
    };
}
