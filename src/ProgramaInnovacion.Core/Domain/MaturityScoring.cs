namespace ProgramaInnovacion.Core.Domain;

public enum MaturityLevel
{
    Initial,
    Developing,
    Intermediate,
    Advanced,
}

/// <param name="Score">The mean of its answers, 0–4; null when none of its questions was answered.</param>
public sealed record DimensionScore(string Dimension, double? Score);

/// <summary>
/// How a survey response becomes a maturity level — the one place, shown on the survey pages as
/// <see cref="Method"/>: each dimension scores the mean of its answers (0 to 4); the overall score is
/// the mean of the dimensions (each weighs the same, however many questions it has); the level comes
/// from the overall score by fixed bands.
/// </summary>
public static class MaturityScoring
{
    public const int MinAnswer = 0;
    public const int MaxAnswer = 4;

    public const string Method =
        "Cada pregunta se responde de 0 (no existe) a 4 (plenamente logrado). El puntaje de cada dimensión es el promedio de sus respuestas; " +
        "el puntaje general es el promedio de las dimensiones, que pesan todas igual. El nivel sale del puntaje general: " +
        "inicial, menos de 1,5; en desarrollo, de 1,5 a menos de 2,5; intermedio, de 2,5 a menos de 3,25; avanzado, 3,25 o más.";

    public static readonly IReadOnlyList<MaturityLevel> Levels = [MaturityLevel.Initial, MaturityLevel.Developing, MaturityLevel.Intermediate, MaturityLevel.Advanced];

    public static string Label(this MaturityLevel level) => level switch
    {
        MaturityLevel.Initial => "Inicial",
        MaturityLevel.Developing => "En desarrollo",
        MaturityLevel.Intermediate => "Intermedio",
        MaturityLevel.Advanced => "Avanzado",
        _ => level.ToString(),
    };

    public static double? DimensionMean(IEnumerable<int> answers)
    {
        var list = answers.ToList();
        return list.Count == 0 ? null : list.Average();
    }

    /// <summary>The mean of the dimensions that have a score; null when none has.</summary>
    public static double? Overall(IEnumerable<DimensionScore> dimensions)
    {
        var scored = dimensions.Where(d => d.Score is not null).Select(d => d.Score!.Value).ToList();
        return scored.Count == 0 ? null : scored.Average();
    }

    public static MaturityLevel Level(double overall) => overall switch
    {
        < 1.5 => MaturityLevel.Initial,
        < 2.5 => MaturityLevel.Developing,
        < 3.25 => MaturityLevel.Intermediate,
        _ => MaturityLevel.Advanced,
    };

    /// <summary>Scores of each dimension (in the given order) from answers keyed by question id.</summary>
    public static IReadOnlyList<DimensionScore> Score(IEnumerable<(string Dimension, IReadOnlyList<int> QuestionIds)> questionnaire, IReadOnlyDictionary<int, int> answers) =>
        questionnaire.Select(d => new DimensionScore(d.Dimension, DimensionMean(d.QuestionIds.Where(answers.ContainsKey).Select(q => answers[q])))).ToList();

    /// <summary>A new campaign's own copy of the default questionnaire.</summary>
    public static List<SurveyDimension> DefaultDimensions() =>
        DefaultQuestionnaire.Select((d, i) => new SurveyDimension
        {
            Order = i + 1,
            Name = d.Dimension,
            Questions = d.Questions.Select((q, j) => new SurveyQuestion { Order = j + 1, Text = q }).ToList(),
        }).ToList();

    /// <summary>The six default dimensions with their questions (a new campaign starts from them).</summary>
    public static IReadOnlyList<(string Dimension, IReadOnlyList<string> Questions)> DefaultQuestionnaire { get; } =
    [
        ("Gobernanza y estrategia", [
            "El municipio tiene una estrategia de transformación digital escrita y aprobada.",
            "Hay un área o persona responsable de la transformación digital con recursos asignados.",
            "Los proyectos digitales se planifican y se les da seguimiento con indicadores."]),
        ("Servicios digitales", [
            "Los trámites más frecuentes se pueden iniciar en línea.",
            "Los trámites en línea se completan sin ir a una oficina.",
            "Los vecinos pueden seguir el estado de sus trámites en línea."]),
        ("Infraestructura y conectividad", [
            "Las dependencias municipales tienen conectividad estable y suficiente.",
            "Los sistemas municipales tienen copias de seguridad y un plan ante fallas.",
            "Hay puntos de acceso público a internet en el territorio."]),
        ("Datos e interoperabilidad", [
            "Los datos de las distintas áreas se comparten entre sistemas sin volver a cargarlos.",
            "El municipio publica datos abiertos actualizados.",
            "Las decisiones de gestión se apoyan en datos e indicadores."]),
        ("Talento y cultura digital", [
            "El personal recibe capacitación en herramientas digitales.",
            "Hay personas con perfil técnico (sistemas, datos, diseño) en el equipo municipal.",
            "Las áreas proponen y prueban mejoras digitales por iniciativa propia."]),
        ("Participación ciudadana", [
            "Los vecinos pueden hacer reclamos y sugerencias por canales digitales.",
            "El municipio consulta a los vecinos al diseñar servicios digitales.",
            "Se informa a la comunidad sobre los avances de los proyectos digitales."]),
    ];
}
