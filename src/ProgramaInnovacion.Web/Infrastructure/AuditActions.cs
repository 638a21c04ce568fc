namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>
/// Every action the audit log records, in one style: "area.what-happened" in English, stored as
/// is (stable keys, free to be renamed on screen). Administrators read them in Spanish through
/// <see cref="Label"/>.
/// </summary>
public static class AuditActions
{
    public const string DraftSaved = "stage.draft-saved";
    public const string StageSubmitted = "stage.submitted";
    public const string FileUploaded = "stage.file-uploaded";
    public const string FileDiscarded = "stage.file-discarded";
    public const string StageCommented = "stage.commented";
    public const string DraftSharedWithMentors = "stage.draft-shared-with-mentors";
    public const string DraftUnsharedWithMentors = "stage.draft-unshared-with-mentors";
    public const string StageApproved = "stage.approved";
    public const string ChangesRequested = "stage.changes-requested";
    public const string StageUnlocked = "stage.unlocked";
    public const string StageReopened = "stage.reopened";
    public const string DeadlinesEdited = "edition.deadlines-edited";

    public const string EditionCreated = "edition.created";
    public const string EditionEdited = "edition.edited";
    public const string ProjectAdded = "edition.project-added";
    public const string EditionPhaseChanged = "edition.phase-changed";
    public const string CategoryBandsEdited = "municipality.category-bands-edited";
    public const string SurveyCampaignCreated = "survey.campaign-created";
    public const string SurveyQuestionnaireEdited = "survey.questionnaire-edited";
    public const string SurveySubmitted = "survey.submitted";
    public const string CallScheduled = "call.scheduled";
    public const string ApplicationSubmitted = "call.application-submitted";
    public const string SelectionCriteriaEdited = "selection.criteria-edited";
    public const string ApplicationScored = "selection.application-scored";
    public const string ApplicationDecided = "selection.application-decided";
    public const string SelectionConfirmed = "selection.confirmed";

    public const string StageAdded = "stage-template.stage-added";
    public const string StageEdited = "stage-template.stage-edited";
    public const string StagesReordered = "stage-template.stages-reordered";
    public const string FieldAdded = "stage-template.field-added";
    public const string FieldEdited = "stage-template.field-edited";
    public const string FieldRetired = "stage-template.field-retired";
    public const string FieldsReordered = "stage-template.fields-reordered";

    public const string MunicipalityCreated = "municipality.created";
    public const string MunicipalityEdited = "municipality.edited";
    public const string MunicipalitiesImported = "municipality.imported";

    public const string SessionCreated = "calendar.session-created";
    public const string SessionEdited = "calendar.session-edited";
    public const string SessionDeleted = "calendar.session-deleted";
    public const string FeedTokenCreated = "calendar.feed-token-created";
    public const string FeedTokenRevoked = "calendar.feed-token-revoked";

    public const string PostCreated = "network.post-created";
    public const string PostEdited = "network.post-edited";
    public const string PostCommented = "network.post-commented";
    public const string PostPinned = "network.post-pinned";
    public const string PostUnpinned = "network.post-unpinned";
    public const string PostHidden = "network.post-hidden";
    public const string PostShown = "network.post-shown";

    public const string CaseAddedToCaseStudy = "library.case-added";

    public const string PanelNoConflictDeclared = "panel.no-conflict-declared";
    public const string PanelDeclined = "panel.declined";
    public const string EvaluationSaved = "panel.evaluation-saved";
    public const string EvaluationSubmitted = "panel.evaluation-submitted";
    public const string EvaluationReopened = "panel.evaluation-reopened";
    public const string ExpertAssigned = "panel.expert-assigned";
    public const string ExpertUnassigned = "panel.expert-unassigned";
    public const string PanelPublished = "panel.published";
    public const string RecommendationAnswered = "panel.recommendation-answered";
    public const string RecommendationFollowedUp = "panel.recommendation-followed-up";
    public const string PanelClosed = "panel.closed";

    public const string MentorAssigned = "mentor.assigned";
    public const string MentorUnassigned = "mentor.unassigned";
    public const string AttendanceRecorded = "calendar.attendance-recorded";

    public const string UserInvited = "user.invited";
    public const string InvitationResent = "user.invitation-resent";
    public const string InvitationAccepted = "user.invitation-accepted";
    public const string UserEdited = "user.edited";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";

    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string TwoFactorDisabled = "account.two-factor-disabled";
    public const string RecoveryCodesRenewed = "account.recovery-codes-renewed";

    public const string EmailResent = "notifications.email-resent";
    public const string NotificationPreferencesChanged = "notifications.preferences-changed";
    public const string NotificationsUnsubscribed = "notifications.unsubscribed";

    public const string MeasurementRecorded = "results.measurement-recorded";
    public const string ActivityStatusChanged = "results.activity-status-changed";
    public const string AdoptionRecorded = "results.adoption-recorded";
    public const string ShowcasePublished = "results.showcase-published";
    public const string ShowcaseWithdrawn = "results.showcase-withdrawn";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [DraftSaved] = "Guardar borrador",
        [StageSubmitted] = "Entregar etapa",
        [FileUploaded] = "Subir archivo",
        [FileDiscarded] = "Descartar archivo",
        [StageCommented] = "Comentar etapa",
        [DraftSharedWithMentors] = "Compartir borrador con mentores",
        [DraftUnsharedWithMentors] = "Dejar de compartir borrador con mentores",
        [StageApproved] = "Aprobar etapa",
        [ChangesRequested] = "Solicitar cambios",
        [StageUnlocked] = "Desbloquear etapa",
        [StageReopened] = "Reabrir etapa",
        [DeadlinesEdited] = "Editar vencimientos",
        [EditionCreated] = "Crear edición",
        [EditionEdited] = "Editar edición",
        [ProjectAdded] = "Agregar proyecto",
        [EditionPhaseChanged] = "Cambiar la fase de la edición",
        [CategoryBandsEdited] = "Editar las categorías de municipios",
        [SurveyCampaignCreated] = "Crear relevamiento de madurez digital",
        [SurveyQuestionnaireEdited] = "Editar el cuestionario del relevamiento",
        [SurveySubmitted] = "Enviar respuesta del relevamiento",
        [CallScheduled] = "Programar la convocatoria",
        [ApplicationSubmitted] = "Enviar postulación",
        [SelectionCriteriaEdited] = "Editar los criterios de selección",
        [ApplicationScored] = "Puntuar postulación",
        [ApplicationDecided] = "Decidir sobre una postulación",
        [SelectionConfirmed] = "Confirmar la selección",
        [StageAdded] = "Agregar etapa",
        [StageEdited] = "Editar etapa",
        [StagesReordered] = "Reordenar etapas",
        [FieldAdded] = "Agregar campo",
        [FieldEdited] = "Editar campo",
        [FieldRetired] = "Retirar campo",
        [FieldsReordered] = "Reordenar campos",
        [MunicipalityCreated] = "Crear municipio",
        [MunicipalityEdited] = "Editar municipio",
        [MunicipalitiesImported] = "Importar municipios desde un CSV",
        [SessionCreated] = "Crear sesión del calendario",
        [SessionEdited] = "Editar sesión del calendario",
        [SessionDeleted] = "Eliminar sesión del calendario",
        [FeedTokenCreated] = "Generar enlace de suscripción al calendario",
        [FeedTokenRevoked] = "Revocar enlace de suscripción al calendario",
        [PostCreated] = "Publicar en la red",
        [PostEdited] = "Editar publicación de la red",
        [PostCommented] = "Comentar publicación de la red",
        [PostPinned] = "Fijar publicación de la red",
        [PostUnpinned] = "Desfijar publicación de la red",
        [PostHidden] = "Ocultar publicación de la red",
        [PostShown] = "Mostrar publicación de la red",
        [CaseAddedToCaseStudy] = "Agregar caso al estudio de casos",
        [PanelNoConflictDeclared] = "Declarar que no hay conflicto de interés",
        [PanelDeclined] = "Declinar la evaluación por conflicto de interés",
        [EvaluationSaved] = "Guardar evaluación de la mesa",
        [EvaluationSubmitted] = "Enviar evaluación de la mesa",
        [EvaluationReopened] = "Reabrir evaluación de la mesa",
        [ExpertAssigned] = "Asignar persona experta",
        [ExpertUnassigned] = "Quitar persona experta",
        [PanelPublished] = "Publicar resultado de la mesa",
        [RecommendationAnswered] = "Responder recomendación",
        [RecommendationFollowedUp] = "Registrar seguimiento de recomendación",
        [PanelClosed] = "Cerrar mesa de expertos",
        [MentorAssigned] = "Asignar mentor a un proyecto",
        [MentorUnassigned] = "Quitar mentor de un proyecto",
        [AttendanceRecorded] = "Registrar asistencia a una sesión",
        [UserInvited] = "Invitar usuario",
        [InvitationResent] = "Reenviar invitación",
        [InvitationAccepted] = "Aceptar invitación",
        [UserEdited] = "Editar usuario",
        [UserDeactivated] = "Desactivar usuario",
        [UserReactivated] = "Reactivar usuario",
        [SignedIn] = "Ingresar al portal",
        [SignInFailed] = "Intento de ingreso fallido",
        [PasswordChanged] = "Cambiar contraseña",
        [PasswordReset] = "Restablecer contraseña",
        [EmailResent] = "Reenviar correo",
        [NotificationPreferencesChanged] = "Cambiar preferencias de avisos",
        [NotificationsUnsubscribed] = "Dejar de recibir correos de una categoría",
        [MeasurementRecorded] = "Registrar medición de un indicador",
        [ActivityStatusChanged] = "Cambiar el estado de una actividad del plan",
        [AdoptionRecorded] = "Registrar adopción por otro municipio",
        [ShowcasePublished] = "Publicar proyecto en la vitrina",
        [ShowcaseWithdrawn] = "Retirar proyecto de la vitrina",
        [TwoFactorEnabled] = "Activar verificación en dos pasos",
        [TwoFactorDisabled] = "Desactivar verificación en dos pasos",
        [RecoveryCodesRenewed] = "Renovar códigos de recuperación",

        // Names stored before these constants existed (older rows keep them).
        ["calendario.crear"] = "Crear sesión del calendario",
        ["calendario.editar"] = "Editar sesión del calendario",
        ["calendario.eliminar"] = "Eliminar sesión del calendario",
        ["red.fijar"] = "Fijar publicación de la red",
        ["red.desfijar"] = "Desfijar publicación de la red",
        ["red.ocultar"] = "Ocultar publicación de la red",
        ["red.mostrar"] = "Mostrar publicación de la red",
        ["panel.declaracion.sin-conflicto"] = "Declarar que no hay conflicto de interés",
        ["panel.declaracion.declinada"] = "Declinar la evaluación por conflicto de interés",
        ["panel.evaluacion.guardada"] = "Guardar evaluación de la mesa",
        ["panel.evaluacion.enviada"] = "Enviar evaluación de la mesa",
        ["panel.evaluacion.reabierta"] = "Reabrir evaluación de la mesa",
        ["panel.asignacion"] = "Asignar persona experta",
        ["panel.asignacion.quitada"] = "Quitar persona experta",
        ["panel.publicado"] = "Publicar resultado de la mesa",
        ["panel.recomendacion.respondida"] = "Responder recomendación",
        ["panel.recomendacion.seguimiento"] = "Registrar seguimiento de recomendación",
        ["panel.cerrado"] = "Cerrar mesa de expertos",
    };

    private static readonly Dictionary<string, string> EntityLabels = new(StringComparer.Ordinal)
    {
        ["AppUser"] = "Usuario",
        ["Attachment"] = "Archivo",
        ["CalendarFeedToken"] = "Suscripción al calendario",
        ["CalendarSession"] = "Sesión",
        ["CategoryBand"] = "Categorías de municipios",
        ["Deliverable"] = "Entregable",
        ["Municipality"] = "Municipio",
        ["NetworkPost"] = "Publicación",
        ["PanelAssignment"] = "Asignación de la mesa",
        ["PanelRecommendation"] = "Recomendación",
        ["ProgramEdition"] = "Edición",
        ["Project"] = "Proyecto",
        ["ProjectStage"] = "Etapa del proyecto",
        ["StageDefinition"] = "Etapa de la plantilla",
    };

    /// <summary>Sign-in events: many and routine, so the audit page lists them apart from the changes.</summary>
    public static readonly IReadOnlyList<string> SignIns = [SignedIn, SignInFailed];

    /// <summary>The Spanish name of an action; names never given one (older Spanish names) are shown as stored.</summary>
    public static string Label(string action) => Labels.GetValueOrDefault(action, action);

    /// <summary>The Spanish name of what the entry is about (the stored value is the entity's class name).</summary>
    public static string EntityLabel(string entityType) => EntityLabels.GetValueOrDefault(entityType, entityType);

    /// <summary>Every action constant, for the test that each one has a Spanish label.</summary>
    public static IEnumerable<string> All =>
        typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    public static bool HasLabel(string action) => Labels.ContainsKey(action);
}
