using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>
/// What experts, coordinators and teams change in the panel. Callers authorize first
/// (ExpertPanelAccessHandler, Policies.Coordination); whether the action is allowed in the
/// panel's current state is PanelWorkflow's rule. Every change is audited in the same SaveChanges.
/// </summary>
public class PanelService(AppDbContext db, TimeProvider time, AuditLog audit, Notifier notifier, StageTransitions transitions)
{
    /// <summary>Tells the event's audience (NotificationRules); added to the context the caller saves.</summary>
    private async Task NotifyAsync(PortalEventKind kind, int projectId, ClaimsPrincipal user, string subject, string linkPath, IReadOnlyList<string>? named = null)
    {
        var municipality = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Municipality.Name).SingleAsync();
        await notifier.RaiseAsync(new PortalEvent(kind, UserId(user), subject, linkPath) { ProjectId = projectId, Municipality = municipality, Named = named ?? [] });
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A closed edition's panel is history: nobody declares, evaluates, publishes or answers any more.</summary>
    private Task<bool> EditionClosedAsync(int projectId) =>
        db.Projects.AnyAsync(p => p.Id == projectId && p.Edition.Phase == EditionPhase.Closed);

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<CommandResult> DeclareAsync(ClaimsPrincipal user, ExpertAccess access, DeclarationForm form)
    {
        if (await EditionClosedAsync(access.ProjectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        // The rule first (already declared, panel closed); then what the form lacks.
        var rule = PanelWorkflow.Apply(access.Situation, form.NoConflict == false ? PanelAction.DeclareConflict : PanelAction.DeclareNoConflict, PanelActor.AssignedExpert);
        if (!rule.Allowed)
        {
            return CommandResult.Fail(rule.Error!);
        }

        if (form.NoConflict is null)
        {
            return CommandResult.Fail("Elegí una opción de la declaración.", new Dictionary<string, string> { [nameof(DeclarationForm.NoConflict)] = "Elegí si tenés o no un conflicto de interés." });
        }

        if (form.NoConflict == false && string.IsNullOrWhiteSpace(form.Reason))
        {
            return CommandResult.Fail("Indicá el motivo por el que declinás.", new Dictionary<string, string> { [nameof(DeclarationForm.Reason)] = "Indicá el motivo por el que declinás la evaluación." });
        }

        var assignment = await db.PanelAssignments.SingleAsync(a => a.Id == access.AssignmentId);
        assignment.Declaration = form.NoConflict.Value ? ConflictDeclaration.NoConflict : ConflictDeclaration.Declined;
        assignment.DeclineReason = form.NoConflict.Value ? null : form.Reason!.Trim();
        assignment.DeclaredAtUtc = Now;
        audit.Record(user, form.NoConflict.Value ? AuditActions.PanelNoConflictDeclared : AuditActions.PanelDeclined, nameof(PanelAssignment), assignment.Id, assignment.DeclineReason);
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    /// <summary>Saves the draft (adding or removing recommendations as asked) and, for "enviar", submits and locks it.</summary>
    public async Task<CommandResult> SaveEvaluationAsync(ClaimsPrincipal user, ExpertAccess access, EvaluationForm form)
    {
        if (await EditionClosedAsync(access.ProjectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var submit = form.Command == "enviar";
        var assignment = await db.PanelAssignments
            .Include(a => a.Evaluation).ThenInclude(e => e!.Scores)
            .Include(a => a.Evaluation).ThenInclude(e => e!.Recommendations).ThenInclude(r => r.Response)
            // One command: a single evaluation, its few scores times its few recommendations.
            .AsSingleQuery()
            .SingleAsync(a => a.Id == access.AssignmentId);
        // The evaluation as stored now, not as the request found it: a submit in another tab locks it.
        var situation = access.Situation with { Assignment = PanelWorkflow.State(assignment.Declaration, assignment.Evaluation?.Status) };
        var rule = PanelWorkflow.Apply(situation, submit ? PanelAction.Submit : PanelAction.SaveDraft, PanelActor.AssignedExpert);
        if (!rule.Allowed)
        {
            return CommandResult.Fail(rule.Error!);
        }

        var criteria = await CriteriaAsync(access.ProjectId);
        var criterionIds = criteria.Select(c => c.Id).ToList();
        var errors = Validate(form, criteria, submit);
        if (errors.Count > 0)
        {
            return CommandResult.Fail(submit ? "Revisá la evaluación antes de enviarla." : "Revisá los datos marcados.", errors);
        }

        var kept = form.Recommendations.Where(r => !r.Remove).ToList();
        var stale = assignment.Evaluation?.Recommendations.Where(r => kept.All(k => k.Id != r.Id)).ToList() ?? [];
        if (stale.Any(r => r.Response is not null))
        {
            // Deleting it would cascade to the team's answer.
            return CommandResult.Fail("No se puede quitar una recomendación que el equipo ya respondió.");
        }

        var now = Now;
        var evaluation = assignment.Evaluation ??= new PanelEvaluation { Status = EvaluationStatus.Draft };
        evaluation.UpdatedAtUtc = now;
        if (evaluation.Id != 0)
        {
            // Scores and recommendations are part of the evaluation: a save that changes only them
            // still raises its version, so a save from a stale page cannot overwrite them.
            db.Entry(evaluation).Property(e => e.Version).IsModified = true;
        }

        foreach (var input in form.Scores.Where(s => criterionIds.Contains(s.CriterionId)))
        {
            var score = evaluation.Scores.SingleOrDefault(s => s.CriterionId == input.CriterionId);
            if (score is null)
            {
                score = new EvaluationScore { CriterionId = input.CriterionId };
                evaluation.Scores.Add(score);
            }

            score.Score = input.Score;
            score.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        }

        foreach (var removed in stale)
        {
            evaluation.Recommendations.Remove(removed);
        }

        foreach (var input in kept)
        {
            var existing = input.Id is { } id ? evaluation.Recommendations.SingleOrDefault(r => r.Id == id) : null;
            if (existing is null)
            {
                evaluation.Recommendations.Add(new PanelRecommendation { Category = input.Category!.Value, Priority = input.Priority!.Value, Text = input.Text!.Trim(), CreatedAtUtc = now });
            }
            else
            {
                existing.Category = input.Category!.Value;
                existing.Priority = input.Priority!.Value;
                existing.Text = input.Text!.Trim();
            }
        }

        if (!string.IsNullOrWhiteSpace(form.NewRecommendation.Text))
        {
            var added = form.NewRecommendation;
            evaluation.Recommendations.Add(new PanelRecommendation { Category = added.Category!.Value, Priority = added.Priority!.Value, Text = added.Text!.Trim(), CreatedAtUtc = now });
        }

        if (submit)
        {
            evaluation.Status = EvaluationStatus.Submitted;
            evaluation.SubmittedAtUtc = now;
        }

        audit.Record(user, submit ? AuditActions.EvaluationSubmitted : AuditActions.EvaluationSaved, nameof(PanelAssignment), assignment.Id);
        if (submit)
        {
            await NotifyAsync(PortalEventKind.EvaluationSubmitted, assignment.ProjectId, user, "Mesa de expertos", $"/coordinacion/panel/proyectos/{assignment.ProjectId}");
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The evaluation was saved elsewhere (another tab, a reopening) since it was read: nothing
            // of this save was written, and the form comes back with what the expert typed.
            db.ChangeTracker.Clear();
            return CommandResult.Fail(ConcurrencyConflict.Message);
        }

        return CommandResult.Done;
    }

    /// <summary>The submission's rules without saving anything: the confirmation step is shown only to an evaluation that can be sent.</summary>
    public async Task<CommandResult> CheckSubmissionAsync(ExpertAccess access, EvaluationForm form)
    {
        if (!access.MayRead || access.PanelClosed)
        {
            return CommandResult.Fail("La mesa está cerrada: ya no se pueden modificar evaluaciones.");
        }

        if (access.EvaluationStatus == EvaluationStatus.Submitted)
        {
            return CommandResult.Fail("Tu evaluación ya fue enviada y está bloqueada. Si necesitás cambiarla, pedíselo a la coordinación.");
        }

        var errors = Validate(form, await CriteriaAsync(access.ProjectId), submit: true);
        return errors.Count > 0 ? CommandResult.Fail("Revisá la evaluación antes de enviarla.", errors) : CommandResult.Done;
    }

    private async Task<List<(int Id, string Name)>> CriteriaAsync(int projectId)
    {
        var editionId = await db.Projects.Where(p => p.Id == projectId).Select(p => p.EditionId).SingleAsync();
        return (await db.RubricCriteria.Where(c => c.EditionId == editionId).OrderBy(c => c.Order).Select(c => new { c.Id, c.Name }).ToListAsync())
            .Select(c => (c.Id, c.Name)).ToList();
    }

    private static Dictionary<string, string> Validate(EvaluationForm form, List<(int Id, string Name)> criteria, bool submit)
    {
        var criterionIds = criteria.Select(c => c.Id).ToList();
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < form.Scores.Count; i++)
        {
            var score = form.Scores[i];
            if (score.Score is { } value && (value < 1 || value > 5))
            {
                errors[$"Scores[{i}].Score"] = "El puntaje va de 1 a 5.";
            }
            else if (submit && score.Score is null)
            {
                errors[$"Scores[{i}].Score"] = "Elegí un puntaje de 1 a 5 para enviar la evaluación.";
            }
        }

        if (submit && criterionIds.Count == 0)
        {
            errors[""] = "La edición todavía no tiene rúbrica: no se puede enviar la evaluación. Avisale a la coordinación.";
        }
        else if (submit && criteria.Where(c => form.Scores.All(s => s.CriterionId != c.Id || s.Score is null)).Select(c => $"«{c.Name}»").ToList() is { Count: > 0 } missing)
        {
            // The summary names them: with six criteria on the page, "faltan criterios" sent people hunting.
            errors[""] = missing.Count == 1
                ? $"Falta puntuar el criterio {missing[0]}."
                : $"Falta puntuar los criterios {string.Join(", ", missing.SkipLast(1))} y {missing[^1]}.";
        }

        for (var i = 0; i < form.Recommendations.Count; i++)
        {
            if (form.Recommendations[i].Remove)
            {
                continue;
            }

            ValidateRecommendation(form.Recommendations[i], $"Recommendations[{i}]", errors, textRequired: true);
        }

        ValidateRecommendation(form.NewRecommendation, "NewRecommendation", errors, textRequired: false);
        return errors;
    }

    private static void ValidateRecommendation(RecommendationInput input, string prefix, Dictionary<string, string> errors, bool textRequired)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            if (textRequired)
            {
                errors[$"{prefix}.Text"] = "La recomendación no puede quedar vacía.";
            }

            return;
        }

        if (input.Category is null || !Enum.IsDefined(input.Category.Value))
        {
            errors[$"{prefix}.Category"] = "Elegí la categoría de la recomendación.";
        }

        if (input.Priority is null || !Enum.IsDefined(input.Priority.Value))
        {
            errors[$"{prefix}.Priority"] = "Elegí la prioridad de la recomendación.";
        }
    }

    public async Task<CommandResult> AssignAsync(ClaimsPrincipal user, int projectId, string? expertId)
    {
        if (await EditionClosedAsync(projectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var project = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new { p.Municipality.Name, Open = p.Stages.Any(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State != StageState.Locked && s.State != StageState.Approved) })
            .SingleOrDefaultAsync();
        if (project is null || !project.Open)
        {
            return CommandResult.Fail("La mesa de este proyecto no está abierta.");
        }

        var expertRoleId = db.Roles.Where(r => r.Name == Roles.Expert).Select(r => r.Id);
        var expert = await db.Users.Where(u => u.Id == expertId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && expertRoleId.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).SingleOrDefaultAsync();
        if (expert is null)
        {
            return CommandResult.Fail("Elegí una persona experta de la lista.");
        }

        if (await db.PanelAssignments.AnyAsync(a => a.ProjectId == projectId && a.ExpertId == expert.Id))
        {
            return CommandResult.Fail($"{expert.DisplayName} ya está asignado a este proyecto.");
        }

        await db.InTransactionAsync(async () =>
        {
            var assignment = new PanelAssignment { ProjectId = projectId, ExpertId = expert.Id, AssignedById = UserId(user), AssignedAtUtc = Now, Declaration = ConflictDeclaration.Pending };
            db.PanelAssignments.Add(assignment);
            await db.SaveChangesAsync(); // the audit entry records the new id
            audit.Record(user, AuditActions.ExpertAssigned, nameof(PanelAssignment), assignment.Id, $"{expert.Email} → proyecto {projectId}");
            await NotifyAsync(PortalEventKind.PanelOpened, projectId, user, "Mesa de expertos", $"/panel/proyectos/{projectId}", [expert.Id]);
            await db.SaveChangesAsync();
        });

        return CommandResult.Done;
    }

    public async Task<CommandResult> UnassignAsync(ClaimsPrincipal user, int projectId, int assignmentId)
    {
        if (await EditionClosedAsync(projectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var assignment = await db.PanelAssignments.Include(a => a.Evaluation).SingleOrDefaultAsync(a => a.Id == assignmentId && a.ProjectId == projectId);
        if (assignment is null)
        {
            return CommandResult.Fail("La asignación ya no existe.");
        }

        if (assignment.Evaluation is { Status: EvaluationStatus.Submitted })
        {
            return CommandResult.Fail("No se puede quitar a quien ya envió su evaluación: reabrila primero si hace falta.");
        }

        db.PanelAssignments.Remove(assignment);
        audit.Record(user, AuditActions.ExpertUnassigned, nameof(PanelAssignment), assignment.Id, $"proyecto {assignment.ProjectId}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    /// <summary>The project's panel as PanelWorkflow sees it, from one assignment's point of view (none: only the panel matters), in one query.</summary>
    private async Task<PanelSituation> SituationAsync(int projectId, int? assignmentId = null)
    {
        var row = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new
            {
                PanelState = p.Stages.Where(s => s.StageDefinition.Role == StageRole.ExpertPanel).Select(s => (StageState?)s.State).FirstOrDefault(),
                Published = db.PanelPublications.Any(x => x.ProjectId == p.Id),
                Closed = db.PanelPublications.Any(x => x.ProjectId == p.Id && x.ClosedAtUtc != null),
                AnySubmitted = db.PanelEvaluations.Any(e => e.Assignment.ProjectId == p.Id && e.Status == EvaluationStatus.Submitted),
                Assignment = db.PanelAssignments.Where(a => a.Id == assignmentId && a.ProjectId == p.Id)
                    .Select(a => new { a.Declaration, Status = a.Evaluation == null ? (EvaluationStatus?)null : a.Evaluation.Status }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        return row is null
            ? new PanelSituation(PanelPhase.NotOpen, AssignmentState.Pending, false)
            : new PanelSituation(PanelWorkflow.Phase(row.PanelState, row.Published, row.Closed),
                row.Assignment is null ? AssignmentState.Pending : PanelWorkflow.State(row.Assignment.Declaration, row.Assignment.Status), row.AnySubmitted);
    }

    public async Task<CommandResult> ReopenAsync(ClaimsPrincipal user, int projectId, int assignmentId)
    {
        if (await EditionClosedAsync(projectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var rule = PanelWorkflow.Apply(await SituationAsync(projectId, assignmentId), PanelAction.Reopen, PanelActor.Coordinator);
        if (!rule.Allowed)
        {
            return CommandResult.Fail(rule.Error!);
        }

        var evaluation = await db.PanelEvaluations.SingleAsync(e => e.AssignmentId == assignmentId);

        evaluation.Status = EvaluationStatus.Draft;
        evaluation.ReopenedAtUtc = Now;
        evaluation.ReopenedById = UserId(user);
        audit.Record(user, AuditActions.EvaluationReopened, nameof(PanelAssignment), assignmentId);
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CommandResult> PublishAsync(ClaimsPrincipal user, int projectId)
    {
        if (await EditionClosedAsync(projectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var rule = PanelWorkflow.Apply(await SituationAsync(projectId), PanelAction.Publish, PanelActor.Coordinator);
        if (!rule.Allowed)
        {
            return CommandResult.Fail(rule.Error!);
        }

        db.PanelPublications.Add(new PanelPublication { ProjectId = projectId, PublishedAtUtc = Now, PublishedById = UserId(user) });
        audit.Record(user, AuditActions.PanelPublished, nameof(Project), projectId);
        await NotifyAsync(PortalEventKind.PanelPublished, projectId, user, "Mesa de expertos", $"/proyectos/{projectId}/mesa");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CommandResult> RespondAsync(ClaimsPrincipal user, int projectId, int recommendationId, ResponseForm form)
    {
        if (await EditionClosedAsync(projectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var recommendation = await db.PanelRecommendations.Include(r => r.Response)
            .SingleOrDefaultAsync(r => r.Id == recommendationId && r.Evaluation.Assignment.ProjectId == projectId && r.Evaluation.Status == EvaluationStatus.Submitted);
        if (recommendation is null)
        {
            return CommandResult.Fail("La recomendación no existe.");
        }

        var errors = new Dictionary<string, string>();
        if (form.Decision is null || !Enum.IsDefined(form.Decision.Value))
        {
            errors[nameof(ResponseForm.Decision)] = "Elegí si el equipo acepta, acepta parcialmente o considera que no aplica.";
        }

        if (form.Decision is RecommendationDecision.Accepts or RecommendationDecision.PartiallyAccepts && string.IsNullOrWhiteSpace(form.Action))
        {
            errors[nameof(ResponseForm.Action)] = "Contá qué acción va a llevar adelante el equipo.";
        }

        if (errors.Count > 0)
        {
            return CommandResult.Fail("Revisá la respuesta a la recomendación.", errors);
        }

        var response = recommendation.Response ??= new RecommendationResponse { FollowUp = FollowUpStatus.Pending };
        response.Decision = form.Decision;
        response.Action = string.IsNullOrWhiteSpace(form.Action) ? null : form.Action.Trim();
        response.TargetDate = form.TargetDate;
        response.RespondedAtUtc = Now;
        response.RespondedById = UserId(user);
        audit.Record(user, AuditActions.RecommendationAnswered, nameof(PanelRecommendation), recommendation.Id, form.Decision!.Value.Label());
        await NotifyAsync(PortalEventKind.RecommendationAnswered, projectId, user, "Mesa de expertos", $"/coordinacion/panel/proyectos/{projectId}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CommandResult> FollowUpAsync(ClaimsPrincipal user, int projectId, int recommendationId, FollowUpForm form)
    {
        if (await EditionClosedAsync(projectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var recommendation = await db.PanelRecommendations.Include(r => r.Response)
            .Where(r => r.Id == recommendationId && r.Evaluation.Assignment.ProjectId == projectId && r.Evaluation.Status == EvaluationStatus.Submitted)
            .Select(r => new { Entity = r, Published = db.PanelPublications.Any(p => p.ProjectId == r.Evaluation.Assignment.ProjectId) })
            .SingleOrDefaultAsync();
        if (recommendation is null || !recommendation.Published)
        {
            return CommandResult.Fail("Solo se hace seguimiento de recomendaciones publicadas.");
        }

        if (form.Status is null || !Enum.IsDefined(form.Status.Value))
        {
            return CommandResult.Fail("Elegí el estado del seguimiento.");
        }

        var response = recommendation.Entity.Response ??= new RecommendationResponse();
        response.FollowUp = form.Status.Value;
        response.FollowUpNote = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        response.FollowUpAtUtc = Now;
        response.FollowUpById = UserId(user);
        audit.Record(user, AuditActions.RecommendationFollowedUp, nameof(PanelRecommendation), recommendationId, form.Status.Value.Label());
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    /// <summary>Closing the panel approves the "Mesa de expertos" stage; the result must be published first.</summary>
    public async Task<CommandResult> CloseAsync(ClaimsPrincipal user, int projectId)
    {
        if (await EditionClosedAsync(projectId))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var rule = PanelWorkflow.Apply(await SituationAsync(projectId), PanelAction.Close, PanelActor.Coordinator);
        if (!rule.Allowed)
        {
            return CommandResult.Fail(rule.Error!);
        }

        var publication = await db.PanelPublications.SingleAsync(p => p.ProjectId == projectId);
        var stage = await db.ProjectStages.SingleAsync(s => s.ProjectId == projectId && s.StageDefinition.Role == StageRole.ExpertPanel);
        var result = await transitions.ApplyAsync(stage, StageAction.Close, WorkflowActor.Coordinator, UserId(user));
        if (!result.Allowed)
        {
            return CommandResult.Fail(result.Error!);
        }

        publication.ClosedAtUtc = Now;
        publication.ClosedById = UserId(user);
        audit.Record(user, AuditActions.PanelClosed, nameof(Project), projectId);
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }
}
