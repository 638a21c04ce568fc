using System.Text.Json.Nodes;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>A municipality's demo challenge: enough facts to write every stage's deliverable.</summary>
internal sealed record DemoChallenge(
    string Slug,
    string Title,
    string Problem,
    string Population,
    string Evidence,
    string Question,
    string Area,
    string Digitalization,
    string Service,
    string Idea,
    int ApprovedStages,
    Domain.StageState? CurrentState,
    string? ChangeRequest = null);

/// <summary>
/// Plausible Spanish content for the demo editions (Challenges: the current one). All of it is illustrative, and the UI marks
/// demo projects as such; none of it describes the real municipalities' projects.
/// </summary>
internal static class DemoContent
{
    public const string Notice = "Contenido de demostración: datos ilustrativos.";

    public static IReadOnlyList<DemoChallenge> Challenges { get; } =
    [
        new("tandil", "Habilitación comercial 100 % en línea",
            "Abrir un comercio en Tandil exige hoy presentar formularios en papel en tres oficinas distintas y el trámite demora en promedio 45 días. Muchos emprendedores abren sin habilitación o desisten.",
            "Unos 900 emprendedores y comerciantes por año, en su mayoría microemprendimientos familiares; también el personal de Habilitaciones, Bromatología y Obras Particulares.",
            "Registro de expedientes 2020: 870 solicitudes, 45 días de demora promedio, 31 % con documentación incompleta en la primera presentación. Encuesta a 120 comerciantes (Cámara Empresaria): 68 % considera el trámite «difícil».",
            "¿Cómo podríamos lograr que una persona habilite su comercio en línea en menos de 10 días?",
            "Dirección de Habilitaciones y Dirección de Modernización",
            "Se busca reemplazar el circuito en papel por un trámite digital con seguimiento en línea, firma digital y pago electrónico de tasas.",
            "habilitación comercial", "Ventanilla digital de habilitaciones con validación automática de documentación",
            ApprovedStages: 9, CurrentState: Domain.StageState.Available),
        new("bariloche", "Reclamos vecinales con seguimiento en línea",
            "Los reclamos por alumbrado, baches y residuos llegan por teléfono, redes y mostrador sin un registro único; los vecinos no saben en qué estado está su reclamo y lo repiten por varios canales.",
            "Toda la población de la ciudad (135 mil habitantes), con especial atención a los barrios del alto, con menor conectividad.",
            "Se estiman 2.400 reclamos mensuales; el 35 % son duplicados. La línea 147 tiene un 40 % de llamadas no atendidas en horario pico.",
            "¿Cómo podríamos lograr que cada vecino sepa en todo momento en qué estado está su reclamo?",
            "Subsecretaría de Atención Ciudadana",
            "Unificar los canales de reclamo en un sistema con número de seguimiento y notificaciones al vecino.",
            "reclamos vecinales", "Sistema único de reclamos con número de seguimiento y avisos por WhatsApp",
            ApprovedStages: 5, CurrentState: Domain.StageState.Submitted),
        new("jesusmaria", "Expediente digital de obras privadas",
            "Los permisos de obra privada circulan en carpetas físicas entre cuatro áreas. Los profesionales deben ir varias veces al municipio y los expedientes se traspapelan.",
            "Alrededor de 150 profesionales matriculados (arquitectos, ingenieros, maestros mayores de obra) y los vecinos que construyen o amplían su vivienda.",
            "Relevamiento 2020: 210 expedientes de obra, 60 días de demora media, 12 expedientes extraviados temporalmente.",
            "¿Cómo podríamos lograr que un permiso de obra se tramite sin ir al municipio?",
            "Secretaría de Obras Públicas y Privadas",
            "Digitalizar el expediente de obra con presentación de planos en línea y visado digital.",
            "permisos de obra", "Expediente digital de obra con visado de planos en línea",
            ApprovedStages: 3, CurrentState: Domain.StageState.ChangesRequested,
            ChangeRequest: "Falta indicar el método de validación de dos supuestos y sumar evidencia de las entrevistas con profesionales. Revisen también las conclusiones."),
        new("bahiablanca", "Licencia de conducir sin filas",
            "Renovar la licencia de conducir exige presentarse hasta cuatro veces en el centro de emisión y los turnos se agotan en minutos.",
            "Unas 40 mil personas por año que tramitan o renuevan su licencia, incluidas personas mayores y con discapacidad.",
            "Datos del centro de emisión 2020: 38.500 trámites, 3,6 visitas promedio por trámite, demora de 4 semanas para obtener turno.",
            "¿Cómo podríamos reducir a una sola visita presencial la renovación de la licencia?",
            "Dirección de Tránsito",
            "Digitalizar la etapa previa (documentación, libre deuda, curso) para que la visita presencial sea solo el examen y la foto.",
            "licencia de conducir", "Prelicencia digital con turnero inteligente",
            ApprovedStages: 6, CurrentState: Domain.StageState.InProgress),
        new("gualeguaychu", "Tasas municipales y libre deuda en línea",
            "El certificado de libre deuda se pide en ventanilla y demora 5 días hábiles; escribanías e inmobiliarias lo necesitan para cada operación.",
            "Vecinos contribuyentes, escribanías e inmobiliarias de la ciudad; el área de Rentas.",
            "En 2020 se emitieron 6.200 certificados de libre deuda; el 80 % fue pedido por escribanías.",
            "¿Cómo podríamos emitir el libre deuda en línea en el momento?",
            "Dirección de Rentas",
            "Emitir el certificado en línea con validación por código QR y pago electrónico de deudas.",
            "libre deuda", "Certificado de libre deuda en línea con validación QR",
            ApprovedStages: 4, CurrentState: Domain.StageState.InProgress),
    ];

    /// <summary>
    /// The 2021 edition's challenges, as the demo tells its closed history: every team went through
    /// the ten stages and the expert panel.
    /// </summary>
    public static IReadOnlyList<DemoChallenge> FirstEditionChallenges { get; } =
    [
        new("tandil", "Turnos en línea para los centros de salud",
            "Para sacar turno en los centros de atención primaria hay que hacer fila desde la madrugada; quienes trabajan o viven lejos pierden el día o desisten.",
            "Unas 60 mil personas que se atienden en los 18 centros de salud municipales, sobre todo familias con niños y personas mayores.",
            "Relevamiento 2020: 2 horas de espera promedio para obtener turno; el 25 % de las personas se va sin turno.",
            "¿Cómo podríamos lograr que cualquier persona saque un turno en el centro de salud sin hacer fila?",
            "Secretaría de Salud",
            "Un turnero en línea y por WhatsApp integrado a la agenda de cada centro.",
            "turnos de salud", "Turnero en línea y por WhatsApp con recordatorios",
            ApprovedStages: 9, CurrentState: null),
        new("bariloche", "Permisos de uso del espacio público en línea",
            "Los permisos para eventos, ferias y filmaciones en el espacio público se piden en papel ante cuatro áreas y demoran semanas.",
            "Organizadores de eventos, feriantes, productoras audiovisuales y las áreas municipales que intervienen.",
            "En 2020 se tramitaron 430 permisos con una demora media de 24 días; el 40 % llegó fuera de plazo para el evento.",
            "¿Cómo podríamos otorgar un permiso de uso del espacio público en menos de cinco días?",
            "Subsecretaría de Espacio Público",
            "Un formulario único en línea que circula entre las áreas con plazos visibles.",
            "permisos de espacio público", "Ventanilla única de permisos con circuito digital entre áreas",
            ApprovedStages: 9, CurrentState: null),
        new("jesusmaria", "Inscripción digital a talleres culturales y deportivos",
            "La inscripción a los talleres municipales se hace en planillas de papel en cada sede; los cupos se llenan en horas y no hay lista de espera.",
            "Unas 3.500 personas inscriptas por año, de todas las edades, y el personal de las sedes.",
            "Inscripción 2020: 1.200 personas quedaron sin cupo y no hubo forma de avisarles cuando se liberaron vacantes.",
            "¿Cómo podríamos lograr que inscribirse a un taller sea simple y justo para todos?",
            "Dirección de Cultura y Deportes",
            "Inscripción en línea con lista de espera automática y avisos por correo y WhatsApp.",
            "inscripción a talleres", "Inscripción en línea con lista de espera automática",
            ApprovedStages: 9, CurrentState: null),
        new("bahiablanca", "Boleta digital de tasas municipales",
            "Las boletas de tasas se imprimen y reparten en papel; muchas llegan tarde y los vecinos pagan con recargo.",
            "Unos 120 mil contribuyentes de la ciudad y el área de Rentas.",
            "En 2020 se imprimieron 1,4 millones de boletas; el 18 % se pagó con recargo por entrega tardía.",
            "¿Cómo podríamos lograr que cada contribuyente reciba su boleta a tiempo y pague sin salir de casa?",
            "Subsecretaría de Ingresos Públicos",
            "Boleta digital por correo y WhatsApp con pago electrónico.",
            "pago de tasas", "Boleta digital con pago electrónico y avisos de vencimiento",
            ApprovedStages: 9, CurrentState: null),
        new("gualeguaychu", "Solicitud de poda y retiro de ramas en línea",
            "Los pedidos de poda y retiro de ramas se hacen por teléfono y se pierden; los vecinos no saben cuándo pasará la cuadrilla.",
            "Vecinos de toda la ciudad y las cuadrillas de Espacios Verdes.",
            "En 2020 se recibieron 5.800 pedidos; el 30 % se repitió por falta de respuesta.",
            "¿Cómo podríamos lograr que cada vecino sepa cuándo se atenderá su pedido de poda?",
            "Dirección de Espacios Verdes",
            "Pedidos en línea georreferenciados con agenda de cuadrillas visible.",
            "pedidos de poda", "Mapa de pedidos de poda con agenda de cuadrillas",
            ApprovedStages: 9, CurrentState: null),
    ];

    /// <summary>The deliverable content of a stage for a demo challenge, valid against the default schema.</summary>
    public static JsonObject For(string stageKey, DemoChallenge c) => stageKey switch
    {
        "desafio" => new JsonObject
        {
            ["titulo"] = c.Title,
            ["problema"] = c.Problem,
            ["poblacion"] = c.Population,
            ["evidencia"] = $"{c.Evidence}\n\n_{Notice}_",
            ["pregunta"] = c.Question,
            ["area"] = c.Area,
            ["digitalizacion"] = c.Digitalization,
        },
        "actores" => new JsonObject
        {
            ["actores"] = Rows(
                Row(("nombre", c.Area), ("tipo", "Directo"), ("sector", "Público"), ("influencia", 5), ("interes", 5), ("rol", "Responsable del servicio")),
                Row(("nombre", "Vecinos usuarios del trámite"), ("tipo", "Directo"), ("sector", "Comunidad"), ("influencia", 2), ("interes", 5), ("rol", "Beneficiarios")),
                Row(("nombre", "Área de Sistemas"), ("tipo", "Directo"), ("sector", "Público"), ("influencia", 4), ("interes", 3), ("rol", "Soporte tecnológico")),
                Row(("nombre", "Concejo Deliberante"), ("tipo", "Indirecto"), ("sector", "Público"), ("influencia", 4), ("interes", 2), ("rol", "Normativa")),
                Row(("nombre", "Universidad local"), ("tipo", "Indirecto"), ("sector", "Academia"), ("influencia", 2), ("interes", 3), ("rol", "Apoyo técnico"))),
            ["hallazgos"] = $"Se hicieron 12 entrevistas. Los usuarios de {c.Service} valoran sobre todo saber cuánto falta y no repetir papeles.",
        },
        "socios" => new JsonObject
        {
            ["socios"] = Rows(
                Row(("organizacion", "Universidad local"), ("sector", "Academia"), ("aporte", "Estudiantes para pruebas de usabilidad"), ("estado", "Comprometido")),
                Row(("organizacion", "Cámara empresaria"), ("sector", "Privado"), ("aporte", "Difusión entre asociados"), ("estado", "Contactado")),
                Row(("organizacion", "AWS"), ("sector", "Privado"), ("aporte", "Mentoría en arquitectura en la nube"), ("estado", "Acuerdo firmado"))),
        },
        "validacion" => new JsonObject
        {
            ["supuestos"] = Rows(
                Row(("enunciado", $"Las personas prefieren hacer el trámite de {c.Service} en línea"), ("metodo", "Encuesta"), ("evidencia", "Encuesta a 150 personas: 82 % a favor"), ("resultado", "Validado")),
                Row(("enunciado", "El personal municipal tiene tiempo para capacitarse"), ("metodo", "Entrevista"), ("evidencia", "Entrevistas con jefaturas"), ("resultado", "No concluyente")),
                Row(("enunciado", "La normativa permite la firma digital del trámite"), ("metodo", "Datos"), ("evidencia", "Revisión de ordenanzas vigentes"), ("resultado", "Validado"))),
            ["conclusiones"] = "La demanda está validada; hay que prever capacitación del personal y un canal asistido para quienes no usan internet.",
        },
        "ideacion" => new JsonObject
        {
            ["ideas"] = Rows(
                Row(("idea", c.Idea), ("puntaje", 9)),
                Row(("idea", "Mesa de ayuda presencial con turno previo"), ("puntaje", 6)),
                Row(("idea", "Formulario PDF descargable"), ("puntaje", 3))),
            ["especialistas"] = "Especialistas de AWS, OS City y SmartCity TNG en la sesión de ideación.",
            ["seleccionada"] = c.Idea,
            ["criterios"] = "Impacto en los vecinos, factibilidad técnica con los sistemas actuales y costo.",
        },
        "prototipo" => new JsonObject
        {
            ["descripcion"] = $"Prototipo navegable de «{c.Idea}» con los cuatro pasos del trámite.",
            ["tipo"] = "Maqueta digital",
            ["enlace"] = "https://prototipo.example/demo",
            ["hipotesis"] = "Si la persona ve el estado del trámite en línea, no necesita llamar ni ir al municipio.",
            ["adjuntos"] = new JsonArray(),
        },
        "prueba" => new JsonObject
        {
            ["lugar"] = "Centro cívico y dos centros vecinales",
            ["fecha"] = "2021-10-05",
            ["participantes"] = 42,
            ["metricas"] = Rows(
                Row(("metrica", "Tiempo para completar el trámite"), ("meta", "Menos de 15 minutos"), ("resultado", "12 minutos en promedio")),
                Row(("metrica", "Personas que lo completan sin ayuda"), ("meta", "80 %"), ("resultado", "76 %"))),
            ["aprendizajes"] = "El paso de carga de documentación confunde; hay que mostrar ejemplos.",
            ["ajustes"] = "Se agregaron ejemplos de cada documento y un botón de ayuda por WhatsApp.",
        },
        "casos" => new JsonObject
        {
            ["casos"] = Rows(
                Row(("ciudad", "Ciudad de Mendoza"), ("pais", "Argentina"), ("descripcion", $"Trámite de {c.Service} digitalizado de punta a punta"), ("resultados", "Reducción del 70 % en el tiempo de gestión"), ("lecciones", "Empezar por el trámite de mayor demanda"), ("fuente", "https://casos.example/mendoza")),
                Row(("ciudad", "Montevideo"), ("pais", "Uruguay"), ("descripcion", "Portal único de trámites con seguimiento"), ("resultados", "9 de cada 10 trámites iniciados en línea"), ("lecciones", "Medir y publicar los tiempos de respuesta"), ("fuente", "https://casos.example/montevideo"))),
        },
        "proyecto-final" => new JsonObject
        {
            ["resumen"] = $"{c.Idea}: un servicio digital que permite resolver {c.Service} sin filas ni papeles, con seguimiento en línea.",
            ["objetivos"] = "Reducir los tiempos del trámite, eliminar visitas presenciales innecesarias y dar trazabilidad al vecino.",
            ["beneficiarios"] = c.Population,
            ["indicadores"] = Rows(
                Row(("indicador", "Días de demora del trámite"), ("linea_base", "45"), ("meta", "10"), ("unidad", "días"), ("verificacion", "Sistema de expedientes"))),
            ["plan"] = Rows(
                Row(("actividad", "Desarrollo del servicio"), ("responsable", "Área de Sistemas"), ("inicio", "2022-02-01"), ("fin", "2022-05-31")),
                Row(("actividad", "Capacitación del personal"), ("responsable", c.Area), ("inicio", "2022-05-01"), ("fin", "2022-06-30"))),
            ["presupuesto"] = "Presupuesto estimado de $ 4.500.000, con fondos propios y aportes de la alianza.",
            ["socios"] = "Universidad local, cámara empresaria y AWS.",
            ["riesgos"] = "Resistencia al cambio (mitigación: capacitación y acompañamiento); conectividad limitada (mitigación: canal asistido).",
            ["escalabilidad"] = "El diseño del trámite y el código se documentan para que otras ciudades los reutilicen.",
            ["adjuntos"] = new JsonArray(),
        },
        _ => [],
    };

    private static JsonArray Rows(params JsonObject[] rows) => new(rows);

    private static JsonObject Row(params (string Key, JsonNode? Value)[] cells)
    {
        var row = new JsonObject();
        foreach (var (key, value) in cells)
        {
            row[key] = value;
        }

        return row;
    }
}
