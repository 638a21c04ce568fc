namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>Who calls an endpoint in the authorization matrix (issue 12, item 8).</summary>
public enum Caller
{
    Anonymous,
    OtherTeam,
    UnassignedExpert,
    ConflictedExpert,
    AssignedExpert,

    /// <summary>A mentor assigned to the owning project, whose team marked the draft ready for comments.</summary>
    Mentor,

    /// <summary>A mentor assigned to the owning project, during a run where the draft is not shared.</summary>
    MentorDraftNotShared,
    OwningTeam,

    /// <summary>A coordinator of another edition (not the owning project's).</summary>
    OtherEditionCoordinator,
    Coordinator,
    Administrator,
}

/// <summary>What a caller gets: through authorization, a 403/404, sent to sign in, or sent back to a step
/// they must take first (a redirect elsewhere, e.g. an expert's declaration of conflicts).</summary>
public enum Outcome
{
    Allowed,
    Denied,
    SignIn,
    SentBack,
}

/// <summary>
/// The ids the matrix fills route templates with: the "owning" team is Tandil's, whose panel is open
/// with three experts (assigned without conflict, assigned with a declared conflict, not assigned).
/// </summary>
public sealed record MatrixIds(
    int Project,
    int OtherProject,
    int Edition,
    int Municipality,
    int StageDefinition,
    string FieldKey,
    int Attachment,
    int NetworkPost,
    int CalendarSession,
    int DisposableCalendarSession,
    int LibraryEntry,
    int MentorAssignment,
    int Assignment,
    int Recommendation,
    string ThrowawayUser,
    string InvitationToken,
    string FeedToken);

/// <summary>One row: an endpoint (method and route template as the endpoint data source spells it), the
/// URL it is called at, who is let through, and an optional harmless form body.</summary>
public sealed record MatrixRow(
    string Method,
    string Pattern,
    Func<MatrixIds, string> Url,
    IReadOnlySet<Caller> Allowed,
    Func<MatrixIds, Dictionary<string, string>>? Body = null,
    bool EndsSession = false,
    int? PageStatus = null,
    IReadOnlyDictionary<Caller, Outcome>? Exceptions = null)
{
    public string Key => $"{Method} {Pattern}";

    public Outcome Expected(Caller caller) =>
        Exceptions is not null && Exceptions.TryGetValue(caller, out var exception) ? exception
        : Allowed.Contains(caller) ? Outcome.Allowed
        : caller == Caller.Anonymous ? Outcome.SignIn
        : Outcome.Denied;

    /// <summary>The same row with one caller's outcome spelled out.</summary>
    public MatrixRow Except(Caller caller, Outcome outcome) =>
        this with { Exceptions = new Dictionary<Caller, Outcome>(Exceptions ?? new Dictionary<Caller, Outcome>()) { [caller] = outcome } };
}

/// <summary>
/// The authorization matrix: one row per endpoint. A new endpoint needs a row here, or
/// <c>AuthorizationMatrixTests.EveryEndpoint_HasARowInTheMatrix</c> fails naming it. Pick the caller
/// set that says who may call it; give a body when an empty form would be answered as "not found".
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly IReadOnlySet<Caller> Anyone = Enum.GetValues<Caller>().ToHashSet();
    public static readonly IReadOnlySet<Caller> SignedIn = Anyone.Except([Caller.Anonymous]).ToHashSet();
    /// <summary>Coordination of the owning project's edition (CoordinationScope): its coordinator and administrators.</summary>
    public static readonly IReadOnlySet<Caller> Coordination = new HashSet<Caller> { Caller.Coordinator, Caller.Administrator };

    /// <summary>Coordination pages of no particular edition (lists filtered to one's editions): every coordinator.</summary>
    public static readonly IReadOnlySet<Caller> AnyCoordinator = new HashSet<Caller> { Caller.OtherEditionCoordinator, Caller.Coordinator, Caller.Administrator };

    /// <summary>A stage of the owning project as read by coordination, its team and its mentors (the draft only while shared).</summary>
    public static readonly IReadOnlySet<Caller> StageReaders = new HashSet<Caller> { Caller.Coordinator, Caller.Administrator, Caller.OwningTeam, Caller.Mentor };

    /// <summary>An attachment of the owning project's approved final project: its readers and its mentors (a delivered stage).</summary>
    public static readonly IReadOnlySet<Caller> AttachmentReaders = new HashSet<Caller> { Caller.Coordinator, Caller.Administrator, Caller.OwningTeam, Caller.Mentor, Caller.MentorDraftNotShared };

    /// <summary>The case library (CaseReaders): staff and teams read published cases; an expert only their opened, conflict-free panel's; mentors nothing.</summary>
    public static readonly IReadOnlySet<Caller> LibraryReaders = new HashSet<Caller> { Caller.OwningTeam, Caller.OtherTeam, Caller.AssignedExpert, Caller.OtherEditionCoordinator, Caller.Coordinator, Caller.Administrator };
    public static readonly IReadOnlySet<Caller> Administration = new HashSet<Caller> { Caller.Administrator };

    /// <summary>
    /// A coordination page of a record the matrix edition does not have (a letter, an application, a
    /// survey result): the coordination gets the 404 of "no such record" and a coordinator of another
    /// edition the 404 of the edition scope — the same answer, so this row cannot tell them apart; the
    /// scope itself is proven by the same controllers' other rows (e.g. the selection page).
    /// </summary>
    public static readonly IReadOnlySet<Caller> CoordinationMissingRecord = new HashSet<Caller> { Caller.OtherEditionCoordinator, Caller.Coordinator, Caller.Administrator };
    public static readonly IReadOnlySet<Caller> Experts = new HashSet<Caller> { Caller.AssignedExpert, Caller.UnassignedExpert, Caller.ConflictedExpert };

    /// <summary>Project readers: coordination and the project's own team (ProjectAccess).</summary>
    public static readonly IReadOnlySet<Caller> ProjectReaders = new HashSet<Caller> { Caller.Coordinator, Caller.Administrator, Caller.OwningTeam };

    /// <summary>Project editors: the own team and administrators; coordinators review, they do not edit drafts.</summary>
    public static readonly IReadOnlySet<Caller> ProjectEditors = new HashSet<Caller> { Caller.Administrator, Caller.OwningTeam };

    /// <summary>The project's panel as an expert: assigned and declared free of conflict.</summary>
    public static readonly IReadOnlySet<Caller> PanelReader = new HashSet<Caller> { Caller.AssignedExpert };

    /// <summary>The assignment's own page and declaration: any expert assigned to the project.</summary>
    public static readonly IReadOnlySet<Caller> AssignedExperts = new HashSet<Caller> { Caller.AssignedExpert, Caller.ConflictedExpert };

    /// <summary>The learning network and shared deliverables: municipal teams and coordination, not experts.</summary>
    public static readonly IReadOnlySet<Caller> Network = new HashSet<Caller> { Caller.OwningTeam, Caller.OtherTeam, Caller.OtherEditionCoordinator, Caller.Coordinator, Caller.Administrator };

    /// <summary>What belongs to the owning project's edition in the network: its teams and coordination (not another edition's coordinator).</summary>
    public static readonly IReadOnlySet<Caller> EditionNetwork = new HashSet<Caller> { Caller.OwningTeam, Caller.OtherTeam, Caller.Coordinator, Caller.Administrator };

    /// <summary>Editing a network post: only its author (a member of the owning team).</summary>
    public static readonly IReadOnlySet<Caller> PostAuthor = new HashSet<Caller> { Caller.OwningTeam };

    /// <summary>Pages of one's own team: any municipal team member.</summary>
    public static readonly IReadOnlySet<Caller> Teams = new HashSet<Caller> { Caller.OwningTeam, Caller.OtherTeam };

    private static MatrixRow Get(string pattern, Func<MatrixIds, string> url, IReadOnlySet<Caller> allowed) => new("GET", pattern, url, allowed);

    private static MatrixRow Post(string pattern, Func<MatrixIds, string> url, IReadOnlySet<Caller> allowed, Func<MatrixIds, Dictionary<string, string>>? body = null, bool endsSession = false) =>
        new("POST", pattern, url, allowed, body, endsSession);

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Anonymous: sign-in, password reset, invitations, errors, health, the calendar feed.
        Get("/health/live", _ => "/health/live", Anyone),
        Get("/health/ready", _ => "/health/ready", Anyone),
        // The error pages answer with the status they describe; that answer is the page itself.
        Get("error", _ => "/error", Anyone) with { PageStatus = 500 },
        Get("error/{code:int}", _ => "/error/404", Anyone) with { PageStatus = 404 },
        Get("cuenta/ingresar", _ => "/cuenta/ingresar", Anyone),
        Post("cuenta/ingresar", _ => "/cuenta/ingresar", Anyone),
        Get("cuenta/olvide-mi-contrasena", _ => "/cuenta/olvide-mi-contrasena", Anyone),
        Post("cuenta/olvide-mi-contrasena", _ => "/cuenta/olvide-mi-contrasena", Anyone),
        Get("cuenta/olvide-mi-contrasena/enviado", _ => "/cuenta/olvide-mi-contrasena/enviado", Anyone),
        Get("cuenta/restablecer-contrasena", _ => "/cuenta/restablecer-contrasena?code=abc&email=nadie%40programa.example", Anyone),
        Post("cuenta/restablecer-contrasena", _ => "/cuenta/restablecer-contrasena", Anyone),
        Get("cuenta/ingresar/codigo", _ => "/cuenta/ingresar/codigo", Anyone),
        Post("cuenta/ingresar/codigo", _ => "/cuenta/ingresar/codigo", Anyone),
        Get("cuenta/acceso-denegado", _ => "/cuenta/acceso-denegado", Anyone) with { PageStatus = 403 },
        Get("invitacion/{token}", i => $"/invitacion/{i.InvitationToken}", Anyone),
        Post("invitacion/{token}", i => $"/invitacion/{i.InvitationToken}", Anyone),
        Get("calendario/ics/{token}.ics", i => $"/calendario/ics/{i.FeedToken}.ics", Anyone),

        // Every signed-in person.
        Get("", _ => "/", SignedIn),
        Get("cuenta/cambiar-contrasena", _ => "/cuenta/cambiar-contrasena", SignedIn),
        Post("cuenta/cambiar-contrasena", _ => "/cuenta/cambiar-contrasena", SignedIn),
        Post("cuenta/salir", _ => "/cuenta/salir", SignedIn, endsSession: true),
        Get("cuenta/dos-pasos", _ => "/cuenta/dos-pasos", SignedIn),
        Get("cuenta/dos-pasos/activar", _ => "/cuenta/dos-pasos/activar", SignedIn),
        Post("cuenta/dos-pasos/activar", _ => "/cuenta/dos-pasos/activar", SignedIn),
        Post("cuenta/dos-pasos/codigos", _ => "/cuenta/dos-pasos/codigos", SignedIn),
        Post("cuenta/dos-pasos/desactivar", _ => "/cuenta/dos-pasos/desactivar", SignedIn),
        Get("calendario", _ => "/calendario", SignedIn),
        Get("calendario/suscripcion", _ => "/calendario/suscripcion", SignedIn),
        Post("calendario/suscripcion/generar", _ => "/calendario/suscripcion/generar", SignedIn),
        Post("calendario/suscripcion/revocar", _ => "/calendario/suscripcion/revocar", SignedIn),
        Get("biblioteca", _ => "/biblioteca", SignedIn),
        // A case of the closed 2021 edition: the expert assigned to the current panel does not read it.
        Get("biblioteca/{id:int}", i => $"/biblioteca/{i.LibraryEntry}", LibraryReaders).Except(Caller.AssignedExpert, Outcome.Denied),
        Post("biblioteca/{id:int}/agregar", i => $"/biblioteca/{i.LibraryEntry}/agregar", LibraryReaders).Except(Caller.AssignedExpert, Outcome.Denied),
        Get("avisos", _ => "/avisos", SignedIn),
        Post("avisos/{id:int}/leida", _ => "/avisos/999999/leida", SignedIn),
        Post("avisos/leidas", _ => "/avisos/leidas", SignedIn),
        Get("avisos/preferencias", _ => "/avisos/preferencias", SignedIn),
        Post("avisos/preferencias", _ => "/avisos/preferencias", SignedIn),
        // The e-mailed unsubscribe link works without signing in; a bad token gets its Spanish page.
        Get("avisos/baja", _ => "/avisos/baja?t=invalido", Anyone),
        Post("avisos/baja", _ => "/avisos/baja?t=invalido", Anyone),
        Get("red", _ => "/red", Network),
        Get("red/nueva", _ => "/red/nueva", Network),
        Post("red/nueva", _ => "/red/nueva", Network),
        Get("red/{id:int}", i => $"/red/{i.NetworkPost}", EditionNetwork),
        Post("red/{id:int}/comentarios", i => $"/red/{i.NetworkPost}/comentarios", EditionNetwork),
        Get("red/{id:int}/editar", i => $"/red/{i.NetworkPost}/editar", PostAuthor),
        Post("red/{id:int}/editar", i => $"/red/{i.NetworkPost}/editar", PostAuthor),
        Post("red/{id:int}/fijar", i => $"/red/{i.NetworkPost}/fijar", Coordination),
        Post("red/{id:int}/ocultar", i => $"/red/{i.NetworkPost}/ocultar", Coordination),
        Get("red/proyectos", _ => "/red/proyectos", Network),
        Get("red/proyectos/{projectId:int}/etapas/{key}", i => $"/red/proyectos/{i.Project}/etapas/proyecto-final", EditionNetwork),
        Get("red/proyectos/{projectId:int}/etapas/{key}/adjuntos/{attachmentId:int}", i => $"/red/proyectos/{i.Project}/etapas/proyecto-final/adjuntos/{i.Attachment}", EditionNetwork),
        Get("mesa-de-expertos", _ => "/mesa-de-expertos", Teams),

        // A project: read by coordination and its own team, edited by its team (and administrators).
        Get("proyectos/{id:int}", i => $"/proyectos/{i.Project}", ProjectReaders),
        Get("proyectos/{id:int}/dossier", i => $"/proyectos/{i.Project}/dossier", ProjectReaders),
        Get("proyectos/{id:int}/dossier.pdf", i => $"/proyectos/{i.Project}/dossier.pdf", Coordination),

        // Results after the panel (issue 16): the project's follow-up is read and reported on by its
        // readers; publishing on the showcase is the coordination's; the roll-up is coordination's,
        // scoped to its editions; the showcase is public (an edition with nothing published is a 404).
        Get("proyectos/{id:int}/seguimiento", i => $"/proyectos/{i.Project}/seguimiento", ProjectReaders),
        Post("proyectos/{id:int}/seguimiento/mediciones", i => $"/proyectos/{i.Project}/seguimiento/mediciones", ProjectReaders),
        Post("proyectos/{id:int}/seguimiento/actividades", i => $"/proyectos/{i.Project}/seguimiento/actividades", ProjectReaders),
        Post("proyectos/{id:int}/seguimiento/adopciones", i => $"/proyectos/{i.Project}/seguimiento/adopciones", ProjectReaders),
        Post("proyectos/{id:int}/seguimiento/vitrina", i => $"/proyectos/{i.Project}/seguimiento/vitrina", Coordination),
        Post("proyectos/{id:int}/seguimiento/vitrina/retirar", i => $"/proyectos/{i.Project}/seguimiento/vitrina/retirar", Coordination),
        Get("resultados", _ => "/resultados", AnyCoordinator),
        Get("resultados/edicion/{edicion:int}", i => $"/resultados/edicion/{i.Edition}", Coordination),
        Get("resultados/municipios/{municipio:int}", i => $"/resultados/municipios/{i.Municipality}", AnyCoordinator),
        Get("resultados/exportar/indicadores.xlsx", _ => "/resultados/exportar/indicadores.xlsx", AnyCoordinator),
        Get("resultados/exportar/indicadores.csv", _ => "/resultados/exportar/indicadores.csv", AnyCoordinator),
        Get("vitrina", _ => "/vitrina", Anyone),
        Get("vitrina/{edicion:int}", i => $"/vitrina/{i.Edition}", Anyone) with { PageStatus = 404 },
        Get("sitemap.xml", _ => "/sitemap.xml", Anyone),
        Get("proyectos/{id:int}/historial", i => $"/proyectos/{i.Project}/historial", ProjectReaders),
        Get("proyectos/{id:int}/etapas/{key}", i => $"/proyectos/{i.Project}/etapas/desafio", StageReaders),
        Get("proyectos/{id:int}/etapas/{key}/revisiones", i => $"/proyectos/{i.Project}/etapas/desafio/revisiones", ProjectReaders),
        Get("proyectos/{id:int}/etapas/{key}/comparar", i => $"/proyectos/{i.Project}/etapas/desafio/comparar?desde=1&hasta=1", ProjectReaders),
        Get("proyectos/{id:int}/adjuntos/{attachmentId:int}", i => $"/proyectos/{i.Project}/adjuntos/{i.Attachment}", AttachmentReaders),
        Post("proyectos/{id:int}/etapas/{key}/guardar", i => $"/proyectos/{i.Project}/etapas/desafio/guardar", ProjectEditors),
        Post("proyectos/{id:int}/etapas/{key}/entregar", i => $"/proyectos/{i.Project}/etapas/desafio/entregar", ProjectEditors),
        Post("proyectos/{id:int}/etapas/{key}/adjuntos", i => $"/proyectos/{i.Project}/etapas/prototipo/adjuntos", ProjectEditors, _ => new() { ["campo"] = "adjuntos" }),
        Post("proyectos/{id:int}/etapas/{key}/comentarios", i => $"/proyectos/{i.Project}/etapas/desafio/comentarios", StageReaders),
        Post("proyectos/{id:int}/etapas/{key}/lista-para-comentarios", i => $"/proyectos/{i.Project}/etapas/desafio/lista-para-comentarios", ProjectEditors),
        Get("proyectos/{id:int}/correos", i => $"/proyectos/{i.Project}/correos", Coordination),
        Post("proyectos/{id:int}/correos/{emailId:int}/reenviar", i => $"/proyectos/{i.Project}/correos/999999/reenviar", Coordination).Except(Caller.Coordinator, Outcome.Denied).Except(Caller.Administrator, Outcome.Denied),
        Get("proyectos/{projectId:int}/mesa", i => $"/proyectos/{i.Project}/mesa", ProjectReaders),
        Post("proyectos/{projectId:int}/mesa/recomendaciones/{recommendationId:int}/respuesta", i => $"/proyectos/{i.Project}/mesa/recomendaciones/{i.Recommendation}/respuesta", ProjectEditors),

        // Review and coordination.
        Get("revision", _ => "/revision", AnyCoordinator),
        Get("proyectos/{id:int}/etapas/{key}/revision", i => $"/proyectos/{i.Project}/etapas/desafio/revision", Coordination),
        Post("proyectos/{id:int}/etapas/{key}/revision/aprobar", i => $"/proyectos/{i.Project}/etapas/desafio/revision/aprobar", Coordination),
        Post("proyectos/{id:int}/etapas/{key}/revision/solicitar-cambios", i => $"/proyectos/{i.Project}/etapas/desafio/revision/solicitar-cambios", Coordination),
        Post("proyectos/{id:int}/etapas/{key}/desbloquear", i => $"/proyectos/{i.Project}/etapas/desafio/desbloquear", Coordination),
        Post("proyectos/{id:int}/etapas/{key}/reabrir", i => $"/proyectos/{i.Project}/etapas/desafio/reabrir", Coordination),
        Get("coordinacion", _ => "/coordinacion", AnyCoordinator),
        Get("coordinacion/exportar/progreso.xlsx", _ => "/coordinacion/exportar/progreso.xlsx", AnyCoordinator),
        Get("coordinacion/exportar/progreso.csv", _ => "/coordinacion/exportar/progreso.csv", AnyCoordinator),
        Get("coordinacion/exportar/entregables.xlsx", _ => "/coordinacion/exportar/entregables.xlsx", AnyCoordinator),
        Get("coordinacion/exportar/entregables.csv", _ => "/coordinacion/exportar/entregables.csv", AnyCoordinator),
        Get("coordinacion/vencimientos", _ => "/coordinacion/vencimientos", AnyCoordinator),
        Post("coordinacion/vencimientos", i => $"/coordinacion/vencimientos?edicion={i.Edition}", Coordination),
        Get("calendario/nueva", _ => "/calendario/nueva", AnyCoordinator),
        Post("calendario/nueva", _ => "/calendario/nueva", AnyCoordinator),
        Get("calendario/{id:int}/editar", i => $"/calendario/{i.CalendarSession}/editar", Coordination),
        Post("calendario/{id:int}/editar", i => $"/calendario/{i.CalendarSession}/editar", Coordination),
        Post("calendario/{id:int}/eliminar", i => $"/calendario/{i.DisposableCalendarSession}/eliminar", Coordination),
        Get("calendario/{id:int}/asistencia", i => $"/calendario/{i.CalendarSession}/asistencia", Coordination),
        Post("calendario/{id:int}/asistencia", i => $"/calendario/{i.CalendarSession}/asistencia", Coordination),
        Get("coordinacion/mentores", _ => "/coordinacion/mentores", AnyCoordinator),
        Post("coordinacion/mentores", _ => "/coordinacion/mentores", Coordination, i => new() { ["Form.ProjectId"] = i.Project.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        Post("coordinacion/mentores/{assignmentId:int}/quitar", i => $"/coordinacion/mentores/{i.MentorAssignment}/quitar", Coordination),

        // Expert panel: experts on their assignments, coordination on the whole panel.
        Get("panel", _ => "/panel", Experts),
        Get("panel/proyectos/{projectId:int}", i => $"/panel/proyectos/{i.Project}", AssignedExperts),
        Post("panel/proyectos/{projectId:int}/declaracion", i => $"/panel/proyectos/{i.Project}/declaracion", AssignedExperts),
        Get("panel/proyectos/{projectId:int}/evaluacion", i => $"/panel/proyectos/{i.Project}/evaluacion", PanelReader).Except(Caller.ConflictedExpert, Outcome.SentBack),
        Post("panel/proyectos/{projectId:int}/evaluacion", i => $"/panel/proyectos/{i.Project}/evaluacion", PanelReader).Except(Caller.ConflictedExpert, Outcome.SentBack),
        Get("panel/proyectos/{projectId:int}/imprimir", i => $"/panel/proyectos/{i.Project}/imprimir", PanelReader).Except(Caller.ConflictedExpert, Outcome.SentBack),
        Get("panel/proyectos/{projectId:int}/adjuntos/{attachmentId:int}", i => $"/panel/proyectos/{i.Project}/adjuntos/{i.Attachment}", PanelReader),
        Get("coordinacion/panel", _ => "/coordinacion/panel", AnyCoordinator),
        Get("coordinacion/panel/exportar", _ => "/coordinacion/panel/exportar", AnyCoordinator),
        Get("coordinacion/panel/proyectos/{projectId:int}", i => $"/coordinacion/panel/proyectos/{i.Project}", Coordination),
        Get("coordinacion/panel/proyectos/{projectId:int}/imprimir", i => $"/coordinacion/panel/proyectos/{i.Project}/imprimir", Coordination),
        Post("coordinacion/panel/proyectos/{projectId:int}/asignaciones", i => $"/coordinacion/panel/proyectos/{i.Project}/asignaciones", Coordination),
        Post("coordinacion/panel/proyectos/{projectId:int}/asignaciones/{assignmentId:int}/quitar", i => $"/coordinacion/panel/proyectos/{i.Project}/asignaciones/{i.Assignment}/quitar", Coordination),
        Post("coordinacion/panel/proyectos/{projectId:int}/asignaciones/{assignmentId:int}/reabrir", i => $"/coordinacion/panel/proyectos/{i.Project}/asignaciones/{i.Assignment}/reabrir", Coordination),
        Post("coordinacion/panel/proyectos/{projectId:int}/publicar", i => $"/coordinacion/panel/proyectos/{i.Project}/publicar", Coordination),
        Post("coordinacion/panel/proyectos/{projectId:int}/cerrar", i => $"/coordinacion/panel/proyectos/{i.Project}/cerrar", Coordination),
        Post("coordinacion/panel/proyectos/{projectId:int}/recomendaciones/{recommendationId:int}/seguimiento", i => $"/coordinacion/panel/proyectos/{i.Project}/recomendaciones/{i.Recommendation}/seguimiento", Coordination),

        // Administration: coordinators read it, administrators change it.
        Get("admin", _ => "/admin", AnyCoordinator),
        Get("admin/ediciones", _ => "/admin/ediciones", AnyCoordinator),
        Get("admin/ediciones/nueva", _ => "/admin/ediciones/nueva", Administration),
        Post("admin/ediciones/nueva", _ => "/admin/ediciones/nueva", Administration),
        Get("admin/ediciones/{id:int}", i => $"/admin/ediciones/{i.Edition}", Coordination),
        Post("admin/ediciones/{id:int}", i => $"/admin/ediciones/{i.Edition}", Administration),
        Post("admin/ediciones/{id:int}/proyectos", i => $"/admin/ediciones/{i.Edition}/proyectos", Administration),
        // Issue 18: life cycle, survey, call and selection. A move the life cycle refuses (back to preparation) changes nothing.
        Post("admin/ediciones/{id:int}/fase", i => $"/admin/ediciones/{i.Edition}/fase", Administration, _ => new() { ["fase"] = "Preparation" }),
        Get("admin/ediciones/{id:int}/convocatoria", i => $"/admin/ediciones/{i.Edition}/convocatoria", Coordination),
        Post("admin/ediciones/{id:int}/convocatoria", i => $"/admin/ediciones/{i.Edition}/convocatoria", Administration),
        Get("admin/ediciones/{id:int}/convocatoria/postulaciones/{applicationId:int}/carta", i => $"/admin/ediciones/{i.Edition}/convocatoria/postulaciones/0/carta", CoordinationMissingRecord) with { PageStatus = 404 },
        Get("admin/ediciones/{id:int}/seleccion", i => $"/admin/ediciones/{i.Edition}/seleccion", Coordination),
        Post("admin/ediciones/{id:int}/seleccion/criterios", i => $"/admin/ediciones/{i.Edition}/seleccion/criterios", Coordination),
        Get("admin/ediciones/{id:int}/seleccion/postulaciones/{applicationId:int}", i => $"/admin/ediciones/{i.Edition}/seleccion/postulaciones/0", CoordinationMissingRecord) with { PageStatus = 404 },
        Post("admin/ediciones/{id:int}/seleccion/postulaciones/{applicationId:int}/puntajes", i => $"/admin/ediciones/{i.Edition}/seleccion/postulaciones/0/puntajes", Coordination),
        Post("admin/ediciones/{id:int}/seleccion/postulaciones/{applicationId:int}/decision", i => $"/admin/ediciones/{i.Edition}/seleccion/postulaciones/0/decision", Coordination),
        Post("admin/ediciones/{id:int}/seleccion/confirmar", i => $"/admin/ediciones/{i.Edition}/seleccion/confirmar", Coordination),
        Get("admin/ediciones/{id:int}/relevamiento", i => $"/admin/ediciones/{i.Edition}/relevamiento", Coordination),
        Post("admin/ediciones/{id:int}/relevamiento", i => $"/admin/ediciones/{i.Edition}/relevamiento", Administration),
        Post("admin/ediciones/{id:int}/relevamiento/dimensiones/{dimensionId:int}", i => $"/admin/ediciones/{i.Edition}/relevamiento/dimensiones/0", Administration),
        Get("admin/ediciones/{id:int}/relevamiento/municipios/{municipalityId:int}", i => $"/admin/ediciones/{i.Edition}/relevamiento/municipios/{i.Municipality}", CoordinationMissingRecord) with { PageStatus = 404 },
        Get("admin/ediciones/{id:int}/relevamiento/exportar", i => $"/admin/ediciones/{i.Edition}/relevamiento/exportar", CoordinationMissingRecord) with { PageStatus = 404 },
        Get("convocatorias/{id:int}", i => $"/convocatorias/{i.Edition}", Anyone) with { PageStatus = 404 },
        Post("convocatorias/{id:int}", i => $"/convocatorias/{i.Edition}", Anyone) with { PageStatus = 404 },
        Get("postulaciones/{token}", _ => "/postulaciones/enlace-que-no-existe", Anyone) with { PageStatus = 404 },
        Post("postulaciones/{token}", _ => "/postulaciones/enlace-que-no-existe", Anyone) with { PageStatus = 404 },
        Get("relevamiento/{token}", _ => "/relevamiento/enlace-que-no-existe", Anyone) with { PageStatus = 404 },
        Post("relevamiento/{token}", _ => "/relevamiento/enlace-que-no-existe", Anyone) with { PageStatus = 404 },
        Get("admin/ediciones/{editionId:int}/etapas", i => $"/admin/ediciones/{i.Edition}/etapas", Coordination),
        Post("admin/ediciones/{editionId:int}/etapas", i => $"/admin/ediciones/{i.Edition}/etapas", Administration),
        Get("admin/ediciones/{editionId:int}/etapas/{stageId:int}", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}", Coordination),
        Post("admin/ediciones/{editionId:int}/etapas/{stageId:int}", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}", Administration),
        Post("admin/ediciones/{editionId:int}/etapas/{stageId:int}/mover", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}/mover", Administration),
        Get("admin/ediciones/{editionId:int}/etapas/{stageId:int}/campos/nuevo", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}/campos/nuevo", Coordination),
        Post("admin/ediciones/{editionId:int}/etapas/{stageId:int}/campos/nuevo", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}/campos/nuevo", Administration),
        Get("admin/ediciones/{editionId:int}/etapas/{stageId:int}/campos/{key}", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}/campos/{i.FieldKey}", Coordination),
        Post("admin/ediciones/{editionId:int}/etapas/{stageId:int}/campos/{key}", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}/campos/{i.FieldKey}", Administration),
        Post("admin/ediciones/{editionId:int}/etapas/{stageId:int}/campos/{key}/quitar", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}/campos/{i.FieldKey}/quitar", Administration),
        Post("admin/ediciones/{editionId:int}/etapas/{stageId:int}/campos/{key}/mover", i => $"/admin/ediciones/{i.Edition}/etapas/{i.StageDefinition}/campos/{i.FieldKey}/mover", Administration),
        Get("admin/municipios", _ => "/admin/municipios", AnyCoordinator),
        Get("admin/municipios/nuevo", _ => "/admin/municipios/nuevo", Administration),
        Post("admin/municipios/nuevo", _ => "/admin/municipios/nuevo", Administration),
        Get("admin/municipios/{id:int}", i => $"/admin/municipios/{i.Municipality}", AnyCoordinator),
        Post("admin/municipios/{id:int}", i => $"/admin/municipios/{i.Municipality}", Administration),
        Get("admin/municipios/categorias", _ => "/admin/municipios/categorias", Administration),
        Post("admin/municipios/categorias", _ => "/admin/municipios/categorias", Administration),
        Get("admin/municipios/importar", _ => "/admin/municipios/importar", Administration),
        Post("admin/municipios/importar", _ => "/admin/municipios/importar", Administration),
        Post("admin/municipios/importar/confirmar", _ => "/admin/municipios/importar/confirmar", Administration),
        Get("admin/usuarios", _ => "/admin/usuarios", Administration),
        Get("admin/usuarios/invitar", _ => "/admin/usuarios/invitar", Administration),
        Post("admin/usuarios/invitar", _ => "/admin/usuarios/invitar", Administration),
        Get("admin/usuarios/{id}", i => $"/admin/usuarios/{i.ThrowawayUser}", Administration),
        Post("admin/usuarios/{id}", i => $"/admin/usuarios/{i.ThrowawayUser}", Administration),
        Post("admin/usuarios/{id}/reenviar", i => $"/admin/usuarios/{i.ThrowawayUser}/reenviar", Administration),
        Post("admin/usuarios/{id}/desactivar", i => $"/admin/usuarios/{i.ThrowawayUser}/desactivar", Administration),
        Post("admin/usuarios/{id}/reactivar", i => $"/admin/usuarios/{i.ThrowawayUser}/reactivar", Administration),
        Get("admin/auditoria", _ => "/admin/auditoria", Administration),
    ];
}
