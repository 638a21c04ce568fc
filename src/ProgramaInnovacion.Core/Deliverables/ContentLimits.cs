namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>
/// How much a deliverable may hold, so that no post (a script, a pasted megabyte) can store or be
/// shown back more than a form allows. A value over its limit is cut to the limit and reported
/// beside its field (FormContentReader); the whole content has a cap too (StageCommands refuses a
/// save over it). Fields without their own MaxLength get a limit by type.
/// </summary>
public static class ContentLimits
{
    public const int LongTextLength = 20_000;
    public const int ShortTextLength = 1_000;
    public const int UrlLength = 2_000;
    public const int ChoiceLength = 500;

    /// <summary>The most characters a deliverable's stored JSON may have.</summary>
    public const int MaxContentChars = 2_000_000;

    public static int MaxLengthOf(FieldDefinition field) => field.MaxLength ?? field.Type switch
    {
        FieldType.LongText => LongTextLength,
        FieldType.Number => ArgentineNumber.MaxInputLength,
        FieldType.Date => 10,
        FieldType.Url => UrlLength,
        FieldType.SingleChoice or FieldType.MultipleChoice => Math.Max(ChoiceLength, (field.Options ?? []).Select(o => o.Length).DefaultIfEmpty(0).Max()),
        _ => ShortTextLength,
    };

    public static string CutMessage(FieldDefinition field, int length)
    {
        var limit = ArgentineNumber.Format(MaxLengthOf(field));
        return $"«{field.Label}» admite como máximo {limit} caracteres y llegaron {ArgentineNumber.Format(length)}: se conservaron los primeros {limit}. Revisá el final del texto.";
    }

    public static string TooLargeMessage(int length) =>
        $"No se guardó: el entregable completo tendría {ArgentineNumber.Format(length)} caracteres y el máximo es {ArgentineNumber.Format(MaxContentChars)}. Lo que escribiste sigue en el formulario; acortá los textos más largos y volvé a guardar.";
}
