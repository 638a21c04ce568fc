using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Deliverables;

/// <summary>One stage of the default template, before it becomes an edition's StageDefinition.</summary>
public sealed record StageTemplate(
    int Order,
    string Key,
    StageRole Role,
    string Name,
    string Description,
    IReadOnlyList<string> GuidingQuestions,
    StageSchema Schema,
    bool HasTeamForm = true)
{
    /// <summary>This stage as an edition's definition (the edition is set by the caller's collection).</summary>
    public StageDefinition ToDefinition(DateTime? dueAtUtc = null) => new()
    {
        Order = Order,
        Key = Key,
        Role = Role,
        Name = Name,
        Description = Description,
        GuidingQuestions = string.Join('\n', GuidingQuestions),
        SchemaJson = Schema.ToJson(),
        HasTeamForm = HasTeamForm,
        DueAtUtc = dueAtUtc,
    };
}

/// <summary>The ten stages of the program, from the challenge to the expert panel, with their deliverable schemas.</summary>
public static class DefaultStageTemplate
{
    private static FieldDefinition Short(string key, string label, bool required = false, string? help = null, int max = 200) =>
        new() { Key = key, Label = label, Type = FieldType.ShortText, Required = required, Help = help, MaxLength = max };

    private static FieldDefinition Long(string key, string label, bool required = false, string? help = null, int max = 10000) =>
        new() { Key = key, Label = label, Type = FieldType.LongText, Required = required, Help = help, MaxLength = max };

    private static FieldDefinition Choice(string key, string label, IReadOnlyList<string> options, bool required = false, string? help = null) =>
        new() { Key = key, Label = label, Type = FieldType.SingleChoice, Options = options, Required = required, Help = help };

    private static FieldDefinition Score(string key, string label) =>
        new() { Key = key, Label = label, Type = FieldType.Number, Min = 1, Max = 5, Required = true };

    private static FieldDefinition Url(string key, string label, bool required = false, string? help = null) =>
        new() { Key = key, Label = label, Type = FieldType.Url, Required = required, Help = help };

    private static FieldDefinition Date(string key, string label, bool required = false) =>
        new() { Key = key, Label = label, Type = FieldType.Date, Required = required };

    private static FieldDefinition Table(string key, string label, IReadOnlyList<FieldDefinition> columns, int minRows = 0, int maxRows = 50, string? help = null) =>
        new() { Key = key, Label = label, Type = FieldType.Table, Columns = columns, MinRows = minRows, MaxRows = maxRows, Required = minRows > 0, Help = help };

    private static FieldDefinition Files(string key, string label, string? help = null) =>
        new() { Key = key, Label = label, Type = FieldType.Attachments, Help = help };

    private static readonly string[] Sectors = ["Público", "Privado", "Tercer sector", "Academia", "Comunidad"];

    public static IReadOnlyList<StageTemplate> Stages { get; } =
    [
        new(1, "desafio", StageRole.Challenge, "Desafío",
            "El equipo define el desafío de su administración vinculado a la digitalización de servicios, con evidencia y una pregunta «¿Cómo podríamos…?».",
            ["¿Qué problema concreto enfrentan hoy los vecinos o la administración?", "¿A quiénes afecta y cuánto?", "¿Qué datos o evidencia lo muestran?"],
            new StageSchema
            {
                Fields =
                [
                    Short("titulo", "Título del desafío", required: true, max: 150),
                    Long("problema", "Problema", required: true, help: "Describí el problema en términos de quienes lo padecen, no de la solución."),
                    Long("poblacion", "Población afectada", required: true, help: "Quiénes y cuántas personas; incluí grupos con necesidades específicas."),
                    Long("evidencia", "Evidencia", required: true, help: "Datos, reclamos, tiempos de trámite, encuestas u otras fuentes."),
                    Short("pregunta", "Pregunta «¿Cómo podríamos…?»", required: true, help: "Por ejemplo: ¿Cómo podríamos reducir el tiempo de habilitación comercial a menos de 10 días?", max: 300),
                    Short("area", "Área responsable", required: true),
                    Long("digitalizacion", "Vínculo con la digitalización de servicios", required: true),
                ],
            }),
        new(2, "actores", StageRole.ActorMap, "Mapeo de actores",
            "Identificación de los actores directos e indirectos del desafío, su influencia e interés, y lo aprendido en entrevistas.",
            ["¿Quiénes toman decisiones sobre el servicio?", "¿Quiénes lo usan y quiénes lo prestan?", "¿Qué dijeron en las entrevistas?"],
            new StageSchema
            {
                Fields =
                [
                    Table("actores", "Actores", [
                        Short("nombre", "Nombre", required: true),
                        Choice("tipo", "Tipo", ["Directo", "Indirecto"], required: true),
                        Choice("sector", "Sector", Sectors, required: true),
                        Score("influencia", "Influencia (1 a 5)"),
                        Score("interes", "Interés (1 a 5)"),
                        Short("rol", "Rol en el desafío"),
                    ], minRows: 3, help: "Se muestran también en una grilla de influencia × interés."),
                    Long("hallazgos", "Hallazgos de las entrevistas", required: true),
                ],
            }),
        new(3, "socios", StageRole.Partners, "Socios para la implementación",
            "Organizaciones que pueden aportar a la implementación y el estado del compromiso con cada una.",
            ["¿Quién puede aportar recursos, datos o capacidades?", "¿Qué falta para formalizar el acuerdo?"],
            new StageSchema
            {
                Fields =
                [
                    Table("socios", "Socios", [
                        Short("organizacion", "Organización", required: true),
                        Choice("sector", "Sector", Sectors, required: true),
                        Short("aporte", "Aporte", required: true, max: 300),
                        Choice("estado", "Estado del compromiso", ["Identificado", "Contactado", "Comprometido", "Acuerdo firmado"], required: true),
                    ], minRows: 1),
                ],
            }),
        new(4, "validacion", StageRole.Validation, "Validación territorial",
            "Los supuestos del desafío puestos a prueba en el territorio, con el método y la evidencia de cada uno.",
            ["¿Qué damos por cierto sin haberlo comprobado?", "¿Cómo lo validamos con vecinos y áreas?"],
            new StageSchema
            {
                Fields =
                [
                    Table("supuestos", "Supuestos", [
                        Short("enunciado", "Supuesto", required: true, max: 300),
                        Choice("metodo", "Método", ["Entrevista", "Encuesta", "Observación", "Datos", "Otro"], required: true),
                        Short("evidencia", "Evidencia", max: 500),
                        Choice("resultado", "Resultado", ["Validado", "Refutado", "No concluyente"], required: true),
                    ], minRows: 1),
                    Long("conclusiones", "Conclusiones", required: true),
                ],
            }),
        new(5, "ideacion", StageRole.Ideation, "Ideación",
            "Ideas de solución generadas con especialistas de la alianza, su valoración y la idea seleccionada.",
            ["¿Qué ideas surgieron en las sesiones con especialistas?", "¿Con qué criterios eligieron?"],
            new StageSchema
            {
                Fields =
                [
                    Table("ideas", "Ideas", [
                        Short("idea", "Idea", required: true, max: 300),
                        new FieldDefinition { Key = "puntaje", Label = "Puntaje (1 a 10)", Type = FieldType.Number, Min = 1, Max = 10, Required = true },
                    ], minRows: 1),
                    Long("especialistas", "Especialistas que participaron"),
                    Short("seleccionada", "Idea seleccionada", required: true, max: 300),
                    Long("criterios", "Criterios de selección", required: true),
                ],
            }),
        new(6, "prototipo", StageRole.Prototype, "Prototipo",
            "Un prototipo de la solución para aprender rápido y barato.",
            ["¿Qué hipótesis pone a prueba el prototipo?", "¿Qué es lo mínimo para aprender?"],
            new StageSchema
            {
                Fields =
                [
                    Long("descripcion", "Descripción", required: true),
                    Choice("tipo", "Tipo de prototipo", ["Maqueta en papel", "Maqueta digital", "Formulario en línea", "Servicio simulado", "Software funcional", "Otro"], required: true),
                    Url("enlace", "Enlace al prototipo", help: "Dirección completa, empezando por https://"),
                    Long("hipotesis", "Hipótesis que pone a prueba", required: true),
                    Files("adjuntos", "Archivos del prototipo"),
                ],
            }),
        new(7, "prueba", StageRole.FieldTest, "Prueba en territorio",
            "El prototipo probado con personas reales: métricas, aprendizajes y ajustes.",
            ["¿Dónde y con quiénes se probó?", "¿Qué resultados se midieron?"],
            new StageSchema
            {
                Fields =
                [
                    Short("lugar", "Lugar", required: true),
                    Date("fecha", "Fecha", required: true),
                    new FieldDefinition { Key = "participantes", Label = "Cantidad de participantes", Type = FieldType.Number, Min = 0, Max = 100000, Required = true },
                    Table("metricas", "Métricas", [
                        Short("metrica", "Métrica", required: true),
                        Short("meta", "Meta", required: true),
                        Short("resultado", "Resultado", required: true),
                    ], minRows: 1),
                    Long("aprendizajes", "Aprendizajes", required: true),
                    Long("ajustes", "Ajustes al prototipo"),
                ],
            }),
        new(8, "casos", StageRole.CaseStudy, "Estudio de casos",
            "Casos similares de otras ciudades u organizaciones y las lecciones aplicables.",
            ["¿Quién resolvió un problema parecido?", "¿Qué se puede aplicar aquí?"],
            new StageSchema
            {
                Fields =
                [
                    Table("casos", "Casos", [
                        Short("ciudad", "Ciudad u organización", required: true),
                        Short("pais", "País", required: true),
                        Short("descripcion", "Descripción", required: true, max: 1000),
                        Short("resultados", "Resultados", max: 1000),
                        Short("lecciones", "Lecciones aplicables", required: true, max: 1000),
                        Url("fuente", "Fuente (URL)"),
                    ], minRows: 1),
                ],
            }),
        new(9, "proyecto-final", StageRole.FinalProject, "Proyecto final",
            "El proyecto estratégico listo para implementarse y escalarse a otras ciudades.",
            ["¿Qué resultados se esperan y cómo se medirán?", "¿Cómo se financia y quién lo lleva adelante?", "¿Qué necesita otra ciudad para replicarlo?"],
            new StageSchema
            {
                Fields =
                [
                    Long("resumen", "Resumen ejecutivo", required: true, max: 5000),
                    Long("objetivos", "Objetivos", required: true),
                    Long("beneficiarios", "Beneficiarios", required: true),
                    IndicatorField.Definition("indicadores", "Indicadores de resultado",
                        help: "Cada indicador con su línea de base y su meta (número y fecha) y si se espera que aumente o disminuya: el seguimiento mide el avance entre ambas."),
                    Table("plan", "Plan de implementación", [
                        Short("actividad", "Actividad", required: true),
                        Short("responsable", "Responsable", required: true),
                        Date("inicio", "Inicio", required: true),
                        Date("fin", "Fin", required: true),
                    ], minRows: 1),
                    Long("presupuesto", "Presupuesto y financiamiento", required: true),
                    Long("socios", "Socios"),
                    Long("riesgos", "Riesgos y mitigación", required: true),
                    Long("escalabilidad", "Escalabilidad a otras ciudades", required: true),
                    Files("adjuntos", "Anexos"),
                ],
            }),
        new(10, "mesa-expertos", StageRole.ExpertPanel, "Mesa de expertos",
            "La mesa de expertos evalúa el proyecto final y deja recomendaciones; el equipo responde con un plan de acción.",
            ["¿Qué recomendaciones recibió el proyecto?", "¿Cómo las incorpora el equipo?"],
            new StageSchema(),
            HasTeamForm: false),
    ];
}
