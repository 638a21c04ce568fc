namespace ProgramaInnovacion.Core.Domain;

/// <summary>One criterion of an edition's expert-panel rubric, scored 1 to 5 by each expert.</summary>
public class RubricCriterion
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public int Order { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Relative weight in the weighted average (whole numbers, e.g. 20 for 20 %).</summary>
    public int Weight { get; set; } = 1;

    public string Level1Label { get; set; } = "Insuficiente";

    public string Level2Label { get; set; } = "Débil";

    public string Level3Label { get; set; } = "Adecuado";

    public string Level4Label { get; set; } = "Bueno";

    public string Level5Label { get; set; } = "Excelente";
}
