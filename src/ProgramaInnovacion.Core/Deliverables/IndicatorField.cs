namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>
/// The typed columns of a results-indicator field (FieldType.Indicators). They belong to the type,
/// so every edition's final project, the follow-up and the roll-up read indicators the same way.
/// </summary>
public static class IndicatorField
{
    public const string Name = "indicador";
    public const string Unit = "unidad";
    public const string Baseline = "linea_base";
    public const string BaselineDate = "fecha_base";
    public const string Target = "meta";
    public const string TargetDate = "fecha_meta";
    public const string Verification = "verificacion";
    public const string Direction = "sentido";

    public const string Up = "Aumentar";
    public const string Down = "Disminuir";

    public static IReadOnlyList<FieldDefinition> Columns { get; } =
    [
        new() { Key = Name, Label = "Indicador", Type = FieldType.ShortText, Required = true, MaxLength = 200 },
        new() { Key = Unit, Label = "Unidad", Type = FieldType.ShortText, Required = true, MaxLength = 60, Help = "Por ejemplo: días, %, trámites por mes." },
        new() { Key = Baseline, Label = "Línea de base", Type = FieldType.Number, Required = true },
        new() { Key = BaselineDate, Label = "Fecha de la línea de base", Type = FieldType.Date, Required = true },
        new() { Key = Target, Label = "Meta", Type = FieldType.Number, Required = true },
        new() { Key = TargetDate, Label = "Fecha de la meta", Type = FieldType.Date, Required = true },
        new() { Key = Verification, Label = "Medio de verificación", Type = FieldType.ShortText, Required = true, MaxLength = 300 },
        new() { Key = Direction, Label = "Sentido deseado", Type = FieldType.SingleChoice, Required = true, Options = [Up, Down] },
    ];

    /// <summary>An indicator field as a template declares it; its columns come from the type.</summary>
    public static FieldDefinition Definition(string key, string label, int minRows = 1, int maxRows = 20, string? help = null) => new()
    {
        Key = key,
        Label = label,
        Type = FieldType.Indicators,
        Columns = Columns,
        MinRows = minRows,
        MaxRows = maxRows,
        Required = minRows > 0,
        Help = help,
    };
}
