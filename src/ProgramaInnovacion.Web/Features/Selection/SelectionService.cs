using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Features.Users;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Selection;

/// <summary>
/// Coordinators score the submitted applications on the edition's criteria, decide each one with a
/// written justification, and confirm the selection: the selected municipalities become the
/// edition's projects and their listed team members are invited, once; the others get a courteous
/// e-mail. Every decision leaves an audit entry.
/// </summary>
public class SelectionService(AppDbContext db, AuditLog audit, Outbox outbox, EmailRenderer renderer, UserAdministration users, TimeProvider time)
{
    public const int MinJustificationLength = 20;

    public async Task<SelectionViewModel?> PageAsync(int editionId, string userId)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => new { e.Name, e.Phase }).SingleOrDefaultAsync();
        if (edition is null)
        {
            return null;
        }

        var criteria = await CriteriaAsync(editionId);
        var rows = await RowsAsync(editionId, criteria, userId, null);
        var confirmed = await db.SelectionConfirmations.AsNoTracking().Where(c => c.EditionId == editionId).Select(c => (DateTime?)c.ConfirmedAtUtc).SingleOrDefaultAsync();
        return new SelectionViewModel(editionId, edition.Name, edition.Phase, criteria, rows, Matrix(rows), confirmed);
    }

    public static IReadOnlyList<MatrixCell> Matrix(IEnumerable<SelectionRow> rows) =>
        SelectionMatrix.Build(rows.Where(r => r.Decision == SelectionDecision.Selected).Select(r => (r.Municipality, r.Category, r.Level)));

    public async Task<ApplicationReviewViewModel?> ApplicationAsync(int editionId, int applicationId, string userId)
    {
        var criteria = await CriteriaAsync(editionId);
        var row = (await RowsAsync(editionId, criteria, userId, applicationId)).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var detail = await db.CallApplications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new
            {
                a.ContactName,
                a.ContactEmail,
                a.Challenge,
                a.Motivation,
                a.LetterFileName,
                SubmittedAtUtc = a.SubmittedAtUtc!.Value,
                Members = a.Members.OrderBy(m => m.Order).Select(m => new { m.Name, m.Email }).ToList(),
                Scores = a.Scores.Select(s => new { s.CriterionId, s.CoordinatorId, s.Coordinator.DisplayName, s.Score }).ToList(),
                Edition = a.Call.Edition.Name,
            })
            .SingleAsync();
        var mine = detail.Scores.Where(s => s.CoordinatorId == userId).ToDictionary(s => s.CriterionId, s => s.Score);
        var all = detail.Scores.GroupBy(s => s.DisplayName).OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new ScoreLine(g.Key, criteria.Select(c => g.FirstOrDefault(s => s.CriterionId == c.Id)?.Score).ToList())).ToList();
        var confirmed = await db.SelectionConfirmations.AnyAsync(c => c.EditionId == editionId);
        return new ApplicationReviewViewModel(editionId, detail.Edition, row, detail.ContactName, detail.ContactEmail, detail.Challenge, detail.Motivation,
            detail.Members.Select(m => (m.Name, m.Email)).ToList(), detail.LetterFileName, detail.SubmittedAtUtc, criteria, mine, all, confirmed);
    }

    private Task<List<CriterionView>> CriteriaAsync(int editionId) =>
        db.SelectionCriteria.AsNoTracking().Where(c => c.EditionId == editionId).OrderBy(c => c.Order).Select(c => new CriterionView(c.Id, c.Name, c.Description)).ToListAsync();

    /// <summary>The submitted applications with their category, maturity level (the edition's survey) and mean scores: three SQL commands however many there are.</summary>
    private async Task<List<SelectionRow>> RowsAsync(int editionId, IReadOnlyList<CriterionView> criteria, string userId, int? applicationId)
    {
        var applications = await db.CallApplications.AsNoTracking()
            .Where(a => a.Call.EditionId == editionId && a.SubmittedAtUtc != null && (applicationId == null || a.Id == applicationId))
            .OrderBy(a => a.Municipality.Name)
            .Select(a => new { a.Id, a.MunicipalityId, a.Municipality.Name, a.Municipality.Province, a.Municipality.Category, a.Municipality.Population, a.Decision, a.Justification })
            .ToListAsync();
        var ids = applications.Select(a => a.Id).ToList();
        var scores = await db.ApplicationScores.AsNoTracking().Where(s => ids.Contains(s.ApplicationId))
            .Select(s => new { s.ApplicationId, s.CriterionId, s.CoordinatorId, s.Score }).ToListAsync();
        var municipalityIds = applications.Select(a => a.MunicipalityId).ToList();
        var levels = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Campaign.EditionId == editionId && r.SubmittedAtUtc != null && municipalityIds.Contains(r.MunicipalityId))
            .Select(r => new { r.MunicipalityId, r.Level }).ToDictionaryAsync(r => r.MunicipalityId, r => r.Level);
        return applications.Select(a =>
        {
            var own = scores.Where(s => s.ApplicationId == a.Id).ToList();
            var averages = criteria.Select(c => own.Where(s => s.CriterionId == c.Id).Select(s => (double)s.Score).DefaultIfEmpty().Average() is var avg && own.Any(s => s.CriterionId == c.Id) ? avg : (double?)null).ToList();
            var scored = averages.Where(v => v is not null).Select(v => v!.Value).ToList();
            return new SelectionRow(a.Id, a.Name, a.Province, a.Category, a.Population, levels.GetValueOrDefault(a.MunicipalityId), averages,
                scored.Count == 0 ? null : scored.Average(), own.Select(s => s.CoordinatorId).Distinct().Count(), own.Any(s => s.CoordinatorId == userId), a.Decision, a.Justification);
        }).ToList();
    }

    /// <summary>One line per criterion, "Nombre: descripción"; renames in place, adds at the end; a criterion already scored cannot be removed.</summary>
    public async Task<CommandResult> SaveCriteriaAsync(int editionId, string? text, ClaimsPrincipal actor)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':', 2, StringSplitOptions.TrimEntries)).Select(p => (Name: p[0], Description: p.Length > 1 ? p[1] : "")).ToList();
        if (lines.Count == 0)
        {
            return CommandResult.Fail("criterios", "Escribí al menos un criterio, uno por línea.");
        }

        if (lines.Any(l => l.Name.Length is 0 or > 200 || l.Description.Length > 1000))
        {
            return CommandResult.Fail("criterios", "Cada criterio necesita un nombre de hasta 200 caracteres (y, si querés, «: descripción» de hasta 1000).");
        }

        if (await ConfirmedAsync(editionId))
        {
            return CommandResult.Fail("La selección ya se confirmó: los criterios quedan como estaban.");
        }

        var existing = await db.SelectionCriteria.Where(c => c.EditionId == editionId).OrderBy(c => c.Order).ToListAsync();
        var removed = existing.Skip(lines.Count).ToList();
        var removedIds = removed.Select(c => c.Id).ToList();
        if (removed.Count > 0 && await db.ApplicationScores.AnyAsync(s => removedIds.Contains(s.CriterionId)))
        {
            return CommandResult.Fail("criterios", $"«{removed[0].Name}» ya tiene puntajes: no se puede quitar. Podés cambiarle el nombre.");
        }

        db.SelectionCriteria.RemoveRange(removed);
        for (var i = 0; i < lines.Count; i++)
        {
            var criterion = i < existing.Count ? existing[i] : db.SelectionCriteria.Add(new SelectionCriterion { EditionId = editionId, Order = i + 1, Name = "" }).Entity;
            criterion.Name = lines[i].Name;
            criterion.Description = lines[i].Description;
        }

        audit.Record(actor, AuditActions.SelectionCriteriaEdited, nameof(ProgramEdition), editionId, string.Join("; ", lines.Select(l => l.Name)));
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    /// <summary>The coordinator's own scores of one application (1 to 5 per criterion; a blank keeps no score).</summary>
    public async Task<CommandResult> ScoreAsync(int editionId, int applicationId, IReadOnlyDictionary<int, int?> posted, ClaimsPrincipal actor)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var application = await db.CallApplications.Where(a => a.Id == applicationId && a.Call.EditionId == editionId && a.SubmittedAtUtc != null)
            .Select(a => new { a.Id, a.Municipality.Name }).SingleOrDefaultAsync();
        if (application is null)
        {
            return CommandResult.Fail("Esa postulación no existe en esta edición.");
        }

        if (await ConfirmedAsync(editionId))
        {
            return CommandResult.Fail("La selección ya se confirmó: los puntajes quedan como estaban.");
        }

        var criteria = await db.SelectionCriteria.Where(c => c.EditionId == editionId).Select(c => c.Id).ToListAsync();
        if (posted.Any(p => !criteria.Contains(p.Key) || p.Value is < ApplicationScore.Min or > ApplicationScore.Max))
        {
            return CommandResult.Fail($"Cada puntaje va de {ApplicationScore.Min} a {ApplicationScore.Max}.");
        }

        var mine = await db.ApplicationScores.Where(s => s.ApplicationId == applicationId && s.CoordinatorId == userId).ToListAsync();
        foreach (var criterionId in criteria)
        {
            var score = posted.GetValueOrDefault(criterionId);
            var row = mine.FirstOrDefault(s => s.CriterionId == criterionId);
            if (score is null)
            {
                if (row is not null)
                {
                    db.ApplicationScores.Remove(row);
                }
            }
            else if (row is null)
            {
                db.ApplicationScores.Add(new ApplicationScore { ApplicationId = applicationId, CriterionId = criterionId, CoordinatorId = userId, Score = score.Value });
            }
            else
            {
                row.Score = score.Value;
            }
        }

        audit.Record(actor, AuditActions.ApplicationScored, nameof(CallApplication), applicationId,
            $"{application.Name}: {string.Join(", ", criteria.Select(c => posted.GetValueOrDefault(c)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"))}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    /// <summary>Selects or leaves out an application; selecting needs a written justification. Before the confirmation only.</summary>
    public async Task<CommandResult> DecideAsync(int editionId, int applicationId, SelectionDecision decision, string? justification, ClaimsPrincipal actor)
    {
        var application = await db.CallApplications.Include(a => a.Municipality)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.Call.EditionId == editionId && a.SubmittedAtUtc != null);
        if (application is null)
        {
            return CommandResult.Fail("Esa postulación no existe en esta edición.");
        }

        var text = (justification ?? "").Trim();
        if (decision == SelectionDecision.Selected && text.Length < MinJustificationLength)
        {
            return CommandResult.Fail("justificacion", $"Para seleccionar a {application.Municipality.Name} escribí la justificación (al menos {MinJustificationLength} caracteres): por qué este municipio, en relación con los criterios y con la matriz.");
        }

        if (text.Length > 4000)
        {
            return CommandResult.Fail("justificacion", "La justificación puede tener hasta 4000 caracteres.");
        }

        if (await ConfirmedAsync(editionId))
        {
            return CommandResult.Fail("La selección ya se confirmó: las decisiones quedan como estaban.");
        }

        application.Decision = decision;
        application.Justification = text.Length == 0 ? null : text;
        application.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(actor, AuditActions.ApplicationDecided, nameof(CallApplication), applicationId,
            $"{application.Municipality.Name}: {DecisionText(decision)}{(text.Length > 0 ? " · " + text : "")}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public static string DecisionText(SelectionDecision decision) => decision switch
    {
        SelectionDecision.Selected => "seleccionada",
        SelectionDecision.NotSelected => "no seleccionada",
        _ => "pendiente",
    };

    private Task<bool> ConfirmedAsync(int editionId) => db.SelectionConfirmations.AnyAsync(c => c.EditionId == editionId);

    /// <summary>
    /// Confirms the selection in one transaction: the confirmation row first (unique per edition, so
    /// a second confirmation — a double click, two coordinators at once — fails on the constraint
    /// and rolls back), then a project per selected municipality, an invitation per listed member
    /// (an existing account joins the team instead), a courteous e-mail per application not
    /// selected, and the audit entry. Nothing is sent unless it all commits (the outbox).
    /// </summary>
    public Task<CommandResult> ConfirmAsync(int editionId, ClaimsPrincipal actor, Func<string, string> invitationLink) =>
        db.InTransactionAsync(async () =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleOrDefaultAsync(e => e.Id == editionId);
            if (edition is null)
            {
                return CommandResult.Fail("Esa edición no existe.");
            }

            if (edition.Phase != EditionPhase.Selection)
            {
                return CommandResult.Fail($"La selección se confirma con la edición en la fase «{EditionPhase.Selection.Label()}»; ahora está en «{edition.Phase.Label()}».");
            }

            var applications = await db.CallApplications.Include(a => a.Municipality).Include(a => a.Members)
                .Where(a => a.Call.EditionId == editionId && a.SubmittedAtUtc != null).ToListAsync();
            var selected = applications.Where(a => a.Decision == SelectionDecision.Selected).ToList();
            if (selected.Count == 0)
            {
                return CommandResult.Fail("Todavía no hay municipios seleccionados.");
            }

            if (edition.Stages.Count == 0)
            {
                return CommandResult.Fail("La edición todavía no tiene etapas: agregalas en el editor de etapas antes de confirmar la selección.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            db.SelectionConfirmations.Add(new SelectionConfirmation { EditionId = editionId, ConfirmedAtUtc = now, ConfirmedById = actor.FindFirstValue(ClaimTypes.NameIdentifier) });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                return CommandResult.Fail("La selección ya estaba confirmada: no se crearon proyectos ni invitaciones de nuevo.");
            }

            var already = await db.Projects.Where(p => p.EditionId == editionId).Select(p => p.MunicipalityId).ToListAsync();
            var projects = new List<(CallApplication Application, Project Project)>();
            foreach (var application in selected.Where(a => !already.Contains(a.MunicipalityId)))
            {
                var project = ProjectFactory.Create(edition, application.Municipality, now > edition.StartsAtUtc ? now : edition.StartsAtUtc);
                project.Title = Excerpt(application.Challenge, 200);
                db.Projects.Add(project);
                projects.Add((application, project));
            }

            await db.SaveChangesAsync(); // the invitations need the projects' ids
            var invited = 0;
            foreach (var (application, project) in projects)
            {
                foreach (var member in application.Members)
                {
                    var normalized = member.Email.ToUpperInvariant(); // Identity's normalized form
                    var existing = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleOrDefaultAsync();
                    if (existing is not null)
                    {
                        if (!await db.ProjectMembers.AnyAsync(m => m.ProjectId == project.Id && m.UserId == existing))
                        {
                            db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = existing, JoinedAtUtc = now });
                        }

                        continue;
                    }

                    var result = await users.InviteAsync(new InviteUserForm { Email = member.Email, DisplayName = member.Name, Roles = [Roles.MunicipalTeam], ProjectId = project.Id }, actor, invitationLink);
                    invited += result.Succeeded ? 1 : 0;
                }
            }

            foreach (var application in applications.Where(a => a.Decision != SelectionDecision.Selected))
            {
                var rendered = await renderer.RenderAsync(new EmailViewModel($"Hola, {application.ContactName}:", $"Resultado de la convocatoria de «{edition.Name}»",
                    $"Gracias por la postulación de {application.Municipality.Name}. Recibimos muchas propuestas valiosas y, en esta edición, buscamos un grupo de ciudades de distintas categorías y niveles de madurez digital. Esta vez {application.Municipality.Name} no quedó entre los municipios seleccionados.\n\nEsperamos que se postulen en una próxima convocatoria: el relevamiento de madurez digital y el trabajo que hicieron para postularse son un buen punto de partida. Los vamos a invitar a las actividades abiertas de la red de innovación local.",
                    [], []));
                outbox.Queue(application.ContactEmail, $"Resultado de la convocatoria de «{edition.Name}»", rendered, NotificationCategory.Account, null, null);
            }

            audit.Record(actor, AuditActions.SelectionConfirmed, nameof(ProgramEdition), editionId,
                $"{edition.Name}: seleccionados {string.Join(", ", selected.Select(a => a.Municipality.Name))}; {projects.Count} proyectos creados; {invited} invitaciones; {applications.Count - selected.Count} avisos a no seleccionados");
            await db.SaveChangesAsync();
            return CommandResult.Done;
        }, r => r.Succeeded);

    private static string? Excerpt(string text, int max)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is null ? null : line.Length <= max ? line : line[..(max - 1)].TrimEnd() + "…";
    }
}
