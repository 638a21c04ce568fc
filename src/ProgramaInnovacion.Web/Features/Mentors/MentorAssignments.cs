using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Mentors;

public sealed record MentorOption(string Id, string Label);

public sealed record AssignmentOption(int Id, string Label);

public sealed record MentorAssignmentRow(int Id, int ProjectId, string Municipality, string Edition, string Mentor, string? Organization, string? Stage);

public sealed class MentorAssignmentForm
{
    public string? MentorId { get; set; }

    public int? ProjectId { get; set; }

    /// <summary>Empty: every stage of the project.</summary>
    public int? StageDefinitionId { get; set; }
}

public sealed record MentorAssignmentsViewModel(
    IReadOnlyList<MentorAssignmentRow> Assignments,
    IReadOnlyList<MentorOption> Mentors,
    IReadOnlyList<AssignmentOption> Projects,
    IReadOnlyList<AssignmentOption> Stages,
    MentorAssignmentForm Form,
    IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// The coordination assigns mentors to the projects of the editions it coordinates, to every
/// stage or to one; each change and its audit entry commit together.
/// </summary>
public class MentorAssignments(AppDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<MentorAssignmentsViewModel> PageAsync(IReadOnlySet<int>? scope, MentorAssignmentForm? form = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var rows = await db.MentorAssignments.AsNoTracking()
            .Where(a => scope == null || scope.Contains(a.Project.EditionId))
            .OrderBy(a => a.Project.Municipality.Name).ThenBy(a => a.Mentor.DisplayName)
            .Select(a => new MentorAssignmentRow(a.Id, a.ProjectId, a.Project.Municipality.Name, a.Project.Edition.Name, a.Mentor.DisplayName,
                a.Mentor.Organization == null ? null : a.Mentor.Organization.Name, a.StageDefinition == null ? null : a.StageDefinition.Name))
            .ToListAsync();
        var mentors = await db.ActiveMentors().AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new MentorOption(u.Id, u.Organization == null ? u.DisplayName : u.DisplayName + " (" + u.Organization.Name + ")"))
            .ToListAsync();
        var projects = await db.Projects.AsNoTracking()
            .Where(p => scope == null || scope.Contains(p.EditionId))
            .OrderByDescending(p => p.Edition.StartsAtUtc).ThenBy(p => p.Municipality.Name)
            .Select(p => new AssignmentOption(p.Id, p.Municipality.Name + " – " + p.Edition.Name))
            .ToListAsync();
        var stages = await db.StageDefinitions.AsNoTracking()
            .Where(d => d.HasTeamForm && (scope == null || scope.Contains(d.EditionId)))
            .OrderByDescending(d => d.Edition.StartsAtUtc).ThenBy(d => d.Order)
            .Select(d => new AssignmentOption(d.Id, d.Edition.Name + " – " + d.Name))
            .ToListAsync();
        return new MentorAssignmentsViewModel(rows, mentors, projects, stages, form ?? new MentorAssignmentForm(), errors ?? new Dictionary<string, string>());
    }

    /// <summary>Errors by form field; the project is already known to be in the coordinator's scope.</summary>
    public async Task<Dictionary<string, string>> AssignAsync(MentorAssignmentForm form, ClaimsPrincipal actor)
    {
        var errors = new Dictionary<string, string>();
        var mentor = form.MentorId is null ? null : await db.ActiveMentors().Where(u => u.Id == form.MentorId)
            .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync();
        if (mentor is null)
        {
            errors[nameof(form.MentorId)] = "Elegí un mentor de la lista (una cuenta activa con el rol «Mentor / Especialista»).";
        }

        var project = form.ProjectId is { } projectId
            ? await db.Projects.Where(p => p.Id == projectId).Select(p => new { p.Id, p.EditionId, Municipality = p.Municipality.Name }).SingleOrDefaultAsync()
            : null;
        if (project is null)
        {
            errors[nameof(form.ProjectId)] = "Elegí el proyecto de la lista.";
        }
        else if (form.StageDefinitionId is { } stageId && !await db.StageDefinitions.AnyAsync(d => d.Id == stageId && d.EditionId == project.EditionId && d.HasTeamForm))
        {
            errors[nameof(form.StageDefinitionId)] = "Esa etapa no es de la edición del proyecto: elegí una etapa de la misma edición o «Todas las etapas».";
        }

        if (errors.Count == 0 && await db.MentorAssignments.AnyAsync(a => a.MentorId == mentor!.Id && a.ProjectId == project!.Id && (a.StageDefinitionId == null || a.StageDefinitionId == form.StageDefinitionId)))
        {
            errors[nameof(form.MentorId)] = $"{mentor!.DisplayName} ya está asignado a ese proyecto{(form.StageDefinitionId is null ? "" : " (o a esa etapa)")}.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var assignment = new MentorAssignment { MentorId = mentor!.Id, ProjectId = project!.Id, StageDefinitionId = form.StageDefinitionId, AssignedAtUtc = time.GetUtcNow().UtcDateTime };
        await db.InTransactionAsync(async () =>
        {
            db.MentorAssignments.Add(assignment);
            await db.SaveChangesAsync();
            audit.Record(actor, AuditActions.MentorAssigned, nameof(MentorAssignment), assignment.Id, $"{mentor.DisplayName} → {project.Municipality}{(form.StageDefinitionId is { } s ? $" (etapa {s})" : "")}");
            await db.SaveChangesAsync();
        });
        return errors;
    }

    /// <summary>False when there is no such assignment inside the scope.</summary>
    public async Task<bool> UnassignAsync(int assignmentId, IReadOnlySet<int>? scope, ClaimsPrincipal actor)
    {
        var assignment = await db.MentorAssignments.Include(a => a.Mentor).Include(a => a.Project).ThenInclude(p => p.Municipality)
            .SingleOrDefaultAsync(a => a.Id == assignmentId && (scope == null || scope.Contains(a.Project.EditionId)));
        if (assignment is null)
        {
            return false;
        }

        db.MentorAssignments.Remove(assignment);
        audit.Record(actor, AuditActions.MentorUnassigned, nameof(MentorAssignment), assignment.Id, $"{assignment.Mentor.DisplayName} → {assignment.Project.Municipality.Name}");
        await db.SaveChangesAsync();
        return true;
    }
}
