using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// Seeds the networking and knowledge features: the kick-off session (with the first edition), and for the
/// demo, the 2021 ideation sessions and panel, learning-network posts of the edition in course and the case library index.
/// Idempotent: the kick-off is created with the edition, demo sessions only go into a calendar
/// holding nothing but the kick-off and posts only into an empty feed.
/// </summary>
public class KnowledgeSeeder(AppDbContext db, TimeProvider time)
{
    public const string KickOffTitle = "Lanzamiento del programa";

    /// <summary>
    /// The kick-off of the first edition. Added once, together with the edition itself, so a
    /// session a coordinator later deletes or renames does not come back at the next start-up.
    /// </summary>
    public static CalendarSession KickOff(ProgramEdition edition, DateTime now) => new()
    {
        Edition = edition,
        Title = KickOffTitle,
        Kind = SessionKind.Launch,
        StartsAtUtc = ReferenceData.FirstEditionStartUtc,
        EndsAtUtc = ReferenceData.FirstEditionStartUtc.AddHours(2),
        Location = "Encuentro virtual (el enlace llega por correo)",
        Description = "Presentación del programa, de la alianza y del cronograma de las etapas.",
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
    };

    public async Task SeedReferenceAsync(CancellationToken ct = default)
    {
        await new CaseIndexer(db, time).IndexMissingAsync(ct);
    }

    public async Task SeedDemoAsync(IReadOnlyDictionary<string, AppUser> accounts, CancellationToken ct = default)
    {
        var edition = await db.Editions.SingleAsync(e => e.Name == ReferenceData.FirstEditionName, ct);
        // Like the posts: the demo sessions go only into a calendar that holds nothing but the
        // kick-off, so sessions a coordinator deleted or renamed are not re-added at start-up.
        if (!await db.CalendarSessions.AnyAsync(s => s.EditionId == edition.Id && s.Title != KickOffTitle, ct))
        {
            AddSessions(edition.Id,
            [
                Session("Sesión de ideación con especialistas de AWS", SessionKind.Ideation, 2021, 9, 21, 10, "Sala virtual de AWS", "Especialistas de AWS acompañan a los equipos a generar ideas sobre servicios en la nube."),
                Session("Sesión de ideación con especialistas de OS City", SessionKind.Ideation, 2021, 9, 22, 10, "Sala virtual de OS City", "Gobierno digital: trámites en línea, firma digital y validación con QR."),
                Session("Sesión de ideación con especialistas de SmartCity TNG", SessionKind.Ideation, 2021, 9, 23, 10, "Sala virtual de SmartCity TNG", "Ciudades inteligentes: datos abiertos, sensores y tableros de gestión."),
                Session("Mesa de expertos", SessionKind.ExpertPanel, 2021, 12, 7, 9, "Auditorio municipal de Tandil y transmisión en línea", "Los equipos presentan su proyecto final ante la mesa de expertos."),
            ]);
        }

        // The feed of the edition in course, so teams find posts on their first visit.
        var current = await db.Editions.SingleAsync(e => e.Name == DemoSeeder.CurrentEditionName, ct);
        if (!await db.NetworkPosts.AnyAsync(p => p.EditionId == current.Id, ct))
        {
            await SeedPostsAsync(current.Id, current.StartsAtUtc, accounts, ct);
        }

        await db.SaveChangesAsync(ct);
        await new CaseIndexer(db, time).IndexMissingAsync(ct);
    }

    private static CalendarSession Session(string title, SessionKind kind, int year, int month, int day, int localHour, string location, string description)
    {
        var start = ArgentinaTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(localHour, 0));
        return new CalendarSession { Title = title, Kind = kind, StartsAtUtc = start, EndsAtUtc = start.AddHours(kind == SessionKind.ExpertPanel ? 4 : 2), Location = location, Description = description };
    }

    private void AddSessions(int editionId, IReadOnlyList<CalendarSession> sessions)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var session in sessions)
        {
            session.EditionId = editionId;
            session.CreatedAtUtc = now;
            session.UpdatedAtUtc = now;
            db.CalendarSessions.Add(session);
        }
    }

    private async Task SeedPostsAsync(int editionId, DateTime start, IReadOnlyDictionary<string, AppUser> accounts, CancellationToken ct)
    {
        var projects = await db.Projects.Where(p => p.EditionId == editionId).Select(p => new { p.Id, p.Municipality.Slug }).ToListAsync(ct);
        var stages = await db.StageDefinitions.Where(d => d.EditionId == editionId).Select(d => new { d.Id, d.Role }).ToListAsync(ct);
        int ProjectOf(string slug) => projects.Single(p => p.Slug == slug).Id;
        int StageOf(StageRole role) => stages.Single(s => s.Role == role).Id;
        var tandil = accounts["tandil@programa.example"];
        var bariloche = accounts["bariloche@programa.example"];
        var bahia = accounts["bahiablanca@programa.example"];
        var jesus = accounts["jesusmaria@programa.example"];
        var coordination = accounts["coordinacion@programa.example"];

        db.NetworkPosts.AddRange(
            new NetworkPost
            {
                EditionId = editionId,
                AuthorId = coordination.Id,
                Kind = PostKind.Opportunity,
                Title = "Bienvenidos a la Red de aprendizaje",
                BodyMarkdown = $"Este es el lugar para compartir **aprendizajes**, **oportunidades** y **problemáticas** entre equipos. Contá qué te funcionó y qué no: a otra ciudad le puede ahorrar semanas.\n\n_{DemoContent.Notice}_",
                IsPinned = true,
                CreatedAtUtc = start.AddDays(1),
            },
            new NetworkPost
            {
                EditionId = editionId,
                AuthorId = tandil.Id,
                ProjectId = ProjectOf("tandil"),
                Kind = PostKind.Learning,
                StageDefinitionId = StageOf(StageRole.Validation),
                Title = "Validar con comerciantes antes de diseñar el formulario",
                BodyMarkdown = "Hicimos la encuesta con la Cámara Empresaria **antes** de dibujar el trámite digital y descubrimos que el mayor dolor no era el papel sino no saber en qué oficina estaba el expediente.\n\n- Encuesta corta (5 preguntas)\n- Difusión por WhatsApp de la Cámara\n\nRecomendamos empezar por ahí.",
                CreatedAtUtc = start.AddDays(40),
                Comments =
                {
                    new NetworkComment { AuthorId = bariloche.Id, BodyMarkdown = "¡Gracias! Nos pasó algo parecido con los reclamos: lo que más piden los vecinos es saber el estado. ¿Cuántas respuestas tuvieron?", CreatedAtUtc = start.AddDays(41) },
                    new NetworkComment { AuthorId = tandil.Id, BodyMarkdown = "Unas 120 en una semana. La clave fue que la Cámara lo difundiera.", CreatedAtUtc = start.AddDays(41).AddHours(3) },
                },
            },
            new NetworkPost
            {
                EditionId = editionId,
                AuthorId = bahia.Id,
                ProjectId = ProjectOf("bahiablanca"),
                Kind = PostKind.Opportunity,
                StageDefinitionId = StageOf(StageRole.Partners),
                Title = "Mentoría de AWS abierta a otros equipos",
                BodyMarkdown = "AWS nos ofreció horas de mentoría en arquitectura en la nube y nos dijeron que pueden sumar a otros municipios. Si les interesa, escriban acá.",
                CreatedAtUtc = start.AddDays(30),
                Comments =
                {
                    new NetworkComment { AuthorId = jesus.Id, BodyMarkdown = "Nos interesa para el expediente digital de obras. ¿Con quién hablamos?", CreatedAtUtc = start.AddDays(31) },
                },
            },
            new NetworkPost
            {
                EditionId = editionId,
                AuthorId = jesus.Id,
                ProjectId = ProjectOf("jesusmaria"),
                Kind = PostKind.Problem,
                StageDefinitionId = StageOf(StageRole.Validation),
                Title = "La firma digital de planos todavía no está habilitada por ordenanza",
                BodyMarkdown = "Para el visado digital necesitamos una ordenanza que reconozca la firma digital de los profesionales. ¿Alguna ciudad ya la tiene? Nos serviría el texto.",
                CreatedAtUtc = start.AddDays(50),
            });
    }
}
