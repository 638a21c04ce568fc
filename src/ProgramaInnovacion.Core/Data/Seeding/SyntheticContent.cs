using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>The public service a synthetic project works on; every text of the project talks about it.</summary>
internal sealed record SyntheticTheme(string Service, string Area, string Users, string Idea);

/// <summary>
/// Plausible Spanish deliverable content for the synthetic editions, written from a stage's schema
/// (so it fits whatever template the edition has, not only the default one): every field type,
/// tables of several rows and long texts of several paragraphs. Deterministic for a given random.
/// </summary>
internal static class SyntheticContent
{
    public static IReadOnlyList<SyntheticTheme> Themes { get; } =
    [
        new("habilitación comercial", "Dirección de Habilitaciones", "emprendedores y comerciantes", "Ventanilla digital de habilitaciones con validación automática de documentación"),
        new("reclamos vecinales", "Subsecretaría de Atención Ciudadana", "vecinas y vecinos de todos los barrios", "Sistema único de reclamos con número de seguimiento y avisos por WhatsApp"),
        new("permisos de obra privada", "Secretaría de Obras Privadas", "profesionales matriculados y familias que construyen", "Expediente digital de obra con visado de planos en línea"),
        new("licencia de conducir", "Dirección de Tránsito", "personas que tramitan o renuevan su licencia", "Prelicencia digital con turnero inteligente"),
        new("libre deuda de tasas", "Dirección de Rentas", "contribuyentes, escribanías e inmobiliarias", "Certificado de libre deuda en línea con validación QR"),
        new("turnos de atención primaria", "Secretaría de Salud", "pacientes de los centros de atención primaria", "Turnero único de salud con recordatorios por mensaje"),
        new("becas estudiantiles", "Dirección de Educación", "estudiantes secundarios y universitarios", "Postulación a becas en línea con cruce automático de datos"),
        new("poda y arbolado", "Dirección de Espacios Verdes", "frentistas y juntas vecinales", "Pedidos de poda georreferenciados con agenda pública"),
        new("defensa del consumidor", "Oficina de Defensa del Consumidor", "consumidores y comercios denunciados", "Denuncias en línea con audiencias por videollamada"),
        new("ferias y mercados", "Dirección de Economía Social", "feriantes y productores locales", "Registro digital de feriantes con permisos y pagos en línea"),
        new("transporte público", "Secretaría de Movilidad", "usuarias y usuarios del colectivo urbano", "Datos abiertos del transporte con arribos en tiempo real"),
        new("residuos reciclables", "Dirección de Ambiente", "hogares, cooperativas de recuperadores y comercios", "Mapa de puntos limpios y agenda de recolección diferenciada"),
    ];

    public static IReadOnlyList<string> Provinces { get; } =
    [
        "Buenos Aires", "Catamarca", "Chaco", "Chubut", "Córdoba", "Corrientes", "Entre Ríos", "Formosa", "Jujuy", "La Pampa",
        "La Rioja", "Mendoza", "Misiones", "Neuquén", "Río Negro", "Salta", "San Juan", "San Luis", "Santa Cruz", "Santa Fe",
        "Santiago del Estero", "Tierra del Fuego", "Tucumán",
    ];

    private static readonly string[] NamePrefixes = ["Villa", "San", "Santa", "General", "Puerto", "Colonia", "Coronel", "Presidente", "Nueva", "Monte", "Capitán", "Cerro"];

    private static readonly string[] NameStems =
    [
        "Esperanza", "Del Valle", "Belgrano", "Rosales", "Las Heras", "Alvear", "Mitre", "Sarmiento", "Urquiza", "Pringles", "Dorrego", "Lavalle",
        "Güemes", "Moreno", "Paz", "Pueyrredón", "Rivadavia", "Saavedra", "Olmos", "Arenales", "Necochea", "Brandsen", "Iriarte", "Madariaga",
        "Las Flores", "Los Álamos", "Las Acacias", "El Ceibo", "La Ribera", "Los Sauces", "El Mirador", "La Cañada", "Los Nogales", "El Molino",
        "Las Piedras", "Los Aromos", "El Trébol", "La Posta", "Los Quebrachos", "El Algarrobo", "Tres Arroyos", "Dos Lagunas", "Cuatro Vientos",
        "Ombúes", "Jacarandá", "Palmares", "Chañar", "Tala", "Espinillo", "Caldén", "Piquillín", "Mistol", "Totoral", "Cardonal", "Ñandubay",
        "Lapacho", "Timbó", "Guayacán", "Palo Blanco", "Viñedos",
    ];

    private static readonly string[] Openings =
    [
        "Hoy el trámite de {0} se resuelve en papel y obliga a ir varias veces al municipio.",
        "Las personas que usan el servicio de {0} no saben en qué estado está su pedido y vuelven a preguntar por distintos canales.",
        "El área responsable de {0} recibe pedidos por teléfono, mostrador y redes sociales sin un registro único.",
        "Los tiempos de respuesta de {0} superan ampliamente lo que la ordenanza prevé.",
        "En las entrevistas, quienes usan {0} contaron que pierden días de trabajo para completar el trámite.",
    ];

    private static readonly string[] Middles =
    [
        "El relevamiento de expedientes del último año mostró que casi un tercio llega con documentación incompleta en la primera presentación.",
        "La encuesta difundida por las juntas vecinales reunió más de cien respuestas en una semana y confirmó el diagnóstico.",
        "Los barrios con menor conectividad necesitan un canal asistido, por eso se sumó un punto de atención en cada delegación.",
        "El personal municipal propuso simplificar los formularios antes de digitalizarlos, para no trasladar al sistema los pasos innecesarios.",
        "La mesa de trabajo con la universidad local aportó estudiantes para las pruebas de usabilidad con personas mayores.",
        "Se acordó con el área de Sistemas publicar los datos del servicio en el portal de datos abiertos.",
        "La firma digital de los actos administrativos requiere adecuar una ordenanza, que ya tiene despacho de comisión.",
        "Los indicadores se medirán cada mes y se publicarán en un tablero abierto a la ciudadanía.",
        "El presupuesto combina fondos propios, un aporte provincial y horas de especialistas de la alianza.",
        "Se detectó que la mayor demora ocurre en el pase entre áreas, no en la atención al público.",
        "Otras ciudades de la red resolvieron un problema parecido con un formulario único y seguimiento por número de trámite.",
        "Se capacitó a los equipos de atención para acompañar a quienes no usan internet.",
    ];

    private static readonly string[] Closings =
    [
        "El objetivo es que el trámite se pueda completar en línea y con seguimiento en cada paso.",
        "La próxima etapa pondrá a prueba estas conclusiones con vecinas y vecinos reales.",
        "El equipo propone medir el impacto con la cantidad de visitas evitadas y el tiempo total del trámite.",
        "Con estos ajustes, el servicio podrá replicarse en otros municipios de la red con cambios menores.",
    ];

    private static readonly string[] Organizations =
    [
        "Universidad Nacional de la región", "Cámara de Comercio local", "Colegio de Arquitectos", "AWS", "OS City", "SmartCity TNG",
        "Cooperativa eléctrica", "Fundación para el desarrollo local", "Consejo Profesional de Ciencias Económicas", "Asociación de Bomberos Voluntarios",
    ];

    private static readonly string[] Cities = ["Rosario", "Mendoza", "Rafaela", "Bahía Blanca", "Montevideo", "Medellín", "Valparaíso", "Barcelona", "Curitiba", "Quito"];

    private static readonly string[] Countries = ["Argentina", "Argentina", "Argentina", "Argentina", "Uruguay", "Colombia", "Chile", "España", "Brasil", "Ecuador"];

    private static readonly string[] Names = ["Ana", "Carlos", "Lucía", "Martín", "Sofía", "Diego", "Valeria", "Jorge", "Paula", "Ramiro", "Florencia", "Nicolás"];

    private static readonly string[] Surnames = ["Gómez", "Fernández", "Sosa", "Ruiz", "Pereyra", "Díaz", "Acosta", "Benítez", "Medina", "Herrera", "Romero", "Aguirre"];

    /// <summary>A municipality name not in <paramref name="taken"/> (names are unique per province).</summary>
    public static string MunicipalityName(Random random, string province, ISet<string> taken)
    {
        while (true)
        {
            var name = $"{Pick(random, NamePrefixes)} {Pick(random, NameStems)}";
            if (taken.Add(name + "|" + province))
            {
                return name;
            }
        }
    }

    public static string PersonName(Random random) => $"{Pick(random, Names)} {Pick(random, Surnames)}";

    public static string Paragraphs(Random random, SyntheticTheme theme, int sentences)
    {
        var text = new StringBuilder();
        text.Append(string.Format(CultureInfo.InvariantCulture, Pick(random, Openings), theme.Service));
        for (var i = 1; i < sentences - 1; i++)
        {
            text.Append(i % 3 == 0 ? "\n\n" : " ");
            text.Append(Pick(random, Middles));
        }

        text.Append("\n\n").Append(Pick(random, Closings));
        return text.ToString();
    }

    /// <summary>
    /// The content of one revision: <paramref name="revision"/> of <paramref name="revisions"/>, each
    /// one a little longer than the one before (so comparing two revisions shows a real change).
    /// </summary>
    public static JsonObject For(StageSchema schema, SyntheticTheme theme, int projectSeed, int revision, int revisions, DateOnly start)
    {
        var content = new JsonObject();
        foreach (var field in schema.Fields)
        {
            // One random per field, so a field reads the same in every revision except for what grows.
            var random = new Random(projectSeed ^ SyntheticEditionSeeder.StableHash(field.Key));
            var value = Value(field, random, theme, revision, revisions, start);
            if (value is not null)
            {
                content[field.Key] = value;
            }
        }

        return content;
    }

    private static JsonNode? Value(FieldDefinition field, Random random, SyntheticTheme theme, int revision, int revisions, DateOnly start)
    {
        switch (field.Type)
        {
            case FieldType.Table:
                var rows = new JsonArray();
                var rowCount = Math.Clamp(random.Next(3, 7) - (revisions - revision) / 3, Math.Max(field.MinRows ?? 0, 1), Math.Min(field.MaxRows ?? 6, 6));
                for (var i = 0; i < rowCount; i++)
                {
                    var row = new JsonObject();
                    foreach (var column in field.Columns ?? [])
                    {
                        row[column.Key] = Value(column, random, theme, revision, revisions, start);
                    }

                    rows.Add(row);
                }

                return rows;
            case FieldType.Indicators:
                return Indicators(field, random, theme, start);
            case FieldType.LongText:
                var sentences = Math.Max(2, random.Next(4, 9) - (revisions - revision));
                return Cut(Paragraphs(random, theme, sentences), field.MaxLength);
            case FieldType.ShortText:
                return Cut(ShortText(field.Key, random, theme), field.MaxLength);
            case FieldType.Number:
                var min = (int)(field.Min ?? 0);
                var max = (int)Math.Min(field.Max ?? 1000, 5000);
                return JsonValue.Create(random.Next(min, max + 1));
            case FieldType.Date:
                return start.AddDays(random.Next(0, 150)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case FieldType.Url:
                return $"https://www.example.gob.ar/{Slug(theme.Service)}/{random.Next(100, 999)}";
            case FieldType.SingleChoice:
                return field.Options is { Count: > 0 } options ? Pick(random, options) : null;
            case FieldType.MultipleChoice:
                return field.Options is { Count: > 0 } choices
                    ? new JsonArray(choices.Where((_, i) => i == 0 || random.Next(2) == 0).Select(c => (JsonNode?)c).ToArray())
                    : null;
            default:
                // Attachments: the seeder adds the files' ids once the attachment rows have theirs.
                return null;
        }
    }

    /// <summary>Typed results indicators that pass <see cref="IndicatorRules"/>: the target differs from the baseline in the chosen direction, dated after it.</summary>
    private static JsonArray Indicators(FieldDefinition field, Random random, SyntheticTheme theme, DateOnly start)
    {
        (string Name, string Unit, bool Up)[] kinds =
        [
            ($"Días hasta resolver {theme.Service}", "días", false),
            ($"Trámites de {theme.Service} iniciados en línea", "%", true),
            ("Visitas presenciales por mes", "visitas", false),
            ($"{char.ToUpper(theme.Users[0], CultureInfo.InvariantCulture)}{theme.Users[1..]} atendidos por mes", "personas", true),
        ];
        var rows = new JsonArray();
        var count = Math.Clamp(random.Next(2, 5), Math.Max(field.MinRows ?? 0, 1), Math.Min(field.MaxRows ?? kinds.Length, kinds.Length));
        foreach (var (name, unit, up) in kinds.OrderBy(_ => random.Next()).Take(count))
        {
            var baseline = random.Next(10, 200);
            var target = up ? baseline + random.Next(10, 200) : baseline - random.Next(5, baseline);
            var baselineDate = start.AddDays(random.Next(0, 60));
            rows.Add(new JsonObject
            {
                [IndicatorField.Name] = name,
                [IndicatorField.Unit] = unit,
                [IndicatorField.Baseline] = baseline,
                [IndicatorField.BaselineDate] = baselineDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [IndicatorField.Target] = target,
                [IndicatorField.TargetDate] = baselineDate.AddDays(random.Next(180, 540)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [IndicatorField.Verification] = Pick(random, ["Sistema de expedientes", "Encuesta a vecinos", "Registro de atención", "Tablero municipal"]),
                [IndicatorField.Direction] = up ? IndicatorField.Up : IndicatorField.Down,
            });
        }

        return rows;
    }

    private static string ShortText(string key, Random random, SyntheticTheme theme) => key switch
    {
        "titulo" => $"{char.ToUpper(theme.Service[0], CultureInfo.InvariantCulture)}{theme.Service[1..]} sin filas ni papeles",
        "pregunta" => $"¿Cómo podríamos lograr que {theme.Users} resuelvan {theme.Service} en línea y en menos de una semana?",
        "area" or "responsable" => theme.Area,
        "nombre" => random.Next(3) == 0 ? theme.Area : PersonName(random),
        "organizacion" => Pick(random, Organizations),
        "idea" or "seleccionada" => random.Next(3) == 0 ? theme.Idea : $"{Pick(random, ["Formulario único", "Turnero", "Tablero público", "Asistente por WhatsApp", "Expediente digital"])} para {theme.Service}",
        "ciudad" => Pick(random, Cities),
        "pais" => Pick(random, Countries),
        "lugar" => $"Delegación municipal del barrio {Pick(random, NameStems)}",
        "metrica" or "indicador" => Pick(random, ["Días hábiles de demora", "Visitas presenciales por trámite", "Trámites iniciados en línea", "Satisfacción de las personas usuarias", "Reclamos duplicados"]),
        "meta" or "linea_base" or "resultado" => $"{random.Next(2, 95)} {Pick(random, ["días", "%", "visitas", "trámites por mes"])}",
        "unidad" => Pick(random, ["días", "porcentaje", "cantidad por mes"]),
        _ => Pick(random, Middles),
    };

    private static string Slug(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => c is (>= 'a' and <= 'z') or ' ').ToArray()).Replace(' ', '-');

    private static string Cut(string text, int? max) => max is { } m && text.Length > m ? text[..m].TrimEnd() : text;

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
