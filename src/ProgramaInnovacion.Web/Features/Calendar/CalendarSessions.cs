using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Mentors;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Calendar;

/// <summary>
/// The program calendar: which sessions a user sees (team members: their editions' sessions;
/// coordinators, administrators and experts: every edition's) and how coordinators manage them.
/// Sessions are typed in Argentina time and stored in UTC.
/// </summary>
public class CalendarSessions(AppDbContext db, TimeProvider time, AuditLog audit)
{
    private static readonly CultureInfo EsAr = CultureInfo.GetCultureInfo("es-AR");

    /// <summary>The sessions a user sees, by user id and roles (also used by the anonymous .ics feed).</summary>
    public IQueryable<CalendarSession> VisibleTo(string userId, IReadOnlyCollection<string> roles)
    {
        var sessions = db.CalendarSessions.AsNoTracking();
        if (roles.Contains(Roles.Administrator) || roles.Contains(Roles.Coordinator) || roles.Contains(Roles.Expert))
        {
            return sessions;
        }

        return sessions.Where(s => db.ProjectMembers.Any(m => m.UserId == userId && m.Project.EditionId == s.EditionId));
    }

    public IQueryable<CalendarSession> VisibleTo(ClaimsPrincipal user) =>
        VisibleTo(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", Roles.All.Where(user.IsInRole).ToList());

    /// <summary>
    /// The stage due dates a user sees between two instants (also used by the .ics feed):
    /// coordinators and administrators every edition's; a team member their project's, linked to
    /// the stage; nobody else any. Stages without a team form (the expert panel) have nothing to hand in.
    /// </summary>
    public async Task<IReadOnlyList<DueDateRow>> DueDatesVisibleToAsync(string userId, IReadOnlyCollection<string> roles, DateTime? fromUtc = null, DateTime? toUtc = null)
    {
        var definitions = db.StageDefinitions.AsNoTracking()
            .Where(d => d.HasTeamForm && d.DueAtUtc != null && (fromUtc == null || d.DueAtUtc >= fromUtc) && (toUtc == null || d.DueAtUtc < toUtc));
        if (roles.Contains(Roles.Administrator) || roles.Contains(Roles.Coordinator))
        {
            return await definitions.OrderBy(d => d.DueAtUtc).ThenBy(d => d.Order)
                .Select(d => new DueDateRow(d.Id, d.Order, d.Key, d.Name, d.DueAtUtc!.Value, d.EditionId, d.Edition.Name, null))
                .ToListAsync();
        }

        var projects = await db.ProjectMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.ProjectId).Select(m => new { m.ProjectId, m.Project.EditionId }).ToListAsync();
        if (projects.Count == 0)
        {
            return [];
        }

        var editionIds = projects.Select(p => p.EditionId).Distinct().ToList();
        var rows = await definitions.Where(d => editionIds.Contains(d.EditionId)).OrderBy(d => d.DueAtUtc).ThenBy(d => d.Order)
            .Select(d => new { d.Id, d.Order, d.Key, d.Name, Due = d.DueAtUtc!.Value, d.EditionId, Edition = d.Edition.Name })
            .ToListAsync();
        return rows.Select(r => new DueDateRow(r.Id, r.Order, r.Key, r.Name, r.Due, r.EditionId, r.Edition, projects.First(p => p.EditionId == r.EditionId).ProjectId)).ToList();
    }

    public async Task<CalendarListViewModel> ListAsync(ClaimsPrincipal user)
    {
        var rows = await Rows(VisibleTo(user)).ToListAsync();
        var now = time.GetUtcNow().UtcDateTime;
        return new CalendarListViewModel(
            rows.Where(s => s.EndsAtUtc >= now).ToList(),
            rows.Where(s => s.EndsAtUtc < now).OrderByDescending(s => s.StartsAtUtc).ToList(),
            CanManage(user));
    }

    public async Task<CalendarMonthViewModel> MonthAsync(ClaimsPrincipal user, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        // Weeks start on Monday, as calendars in Argentina do.
        var gridStart = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = first.AddMonths(1).AddDays(-1);
        var gridEnd = last.AddDays(6 - (((int)last.DayOfWeek + 6) % 7));
        var fromUtc = ArgentinaClock.ToUtc(gridStart);
        var toUtc = ArgentinaClock.ToUtc(gridEnd.AddDays(1));
        var rows = await Rows(VisibleTo(user).Where(s => s.StartsAtUtc >= fromUtc && s.StartsAtUtc < toUtc)).ToListAsync();
        var byDay = rows.ToLookup(s => DateOnly.FromDateTime(ArgentinaClock.ToLocal(s.StartsAtUtc)));
        var dueDates = await DueDatesVisibleToAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", Roles.All.Where(user.IsInRole).ToList(), fromUtc, toUtc);
        var dueByDay = dueDates.ToLookup(d => DateOnly.FromDateTime(ArgentinaClock.ToLocal(d.DueAtUtc)));

        var weeks = new List<IReadOnlyList<MonthDay>>();
        for (var day = gridStart; day <= gridEnd; day = day.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(i => day.AddDays(i)).Select(d => new MonthDay(d, d.Month == month, byDay[d].ToList()) { DueDates = dueByDay[d].ToList() }).ToList());
        }

        // Spanish writes month names in lower case; only the heading, which starts with it, capitalises it.
        var title = first.ToString("MMMM 'de' yyyy", EsAr);
        return new CalendarMonthViewModel(year, month, title, weeks,
            first.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), first.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture), CanManage(user));
    }

    /// <summary>The form's lists, narrowed to the editions the person coordinates (null scope: all).</summary>
    public async Task<SessionFormViewModel> FormPageAsync(int? id, SessionForm form, IReadOnlySet<int>? scope) => new()
    {
        SessionId = id,
        Form = form,
        Editions = await db.Editions.AsNoTracking().Where(e => scope == null || scope.Contains(e.Id)).OrderByDescending(e => e.StartsAtUtc)
            .Select(e => new EditionChoice(e.Id, e.Name)).ToListAsync(),
        Teams = await db.Projects.AsNoTracking().Where(p => scope == null || scope.Contains(p.EditionId))
            .OrderByDescending(p => p.Edition.StartsAtUtc).ThenBy(p => p.Municipality.Name)
            .Select(p => new EditionScopedChoice(p.Id, p.Municipality.Name, p.EditionId, p.Edition.Name)).ToListAsync(),
        Stages = await db.StageDefinitions.AsNoTracking().Where(d => d.HasTeamForm && (scope == null || scope.Contains(d.EditionId)))
            .OrderByDescending(d => d.Edition.StartsAtUtc).ThenBy(d => d.Order)
            .Select(d => new EditionScopedChoice(d.Id, d.Name, d.EditionId, d.Edition.Name)).ToListAsync(),
        Organizations = await db.AllianceOrganizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new EditionChoice(o.Id, o.Name)).ToListAsync(),
        Specialists = await Specialists().ToListAsync(),
    };

    /// <summary>Active mentor accounts, "Name (Organisation)".</summary>
    private IQueryable<SpecialistChoice> Specialists() =>
        db.ActiveMentors().AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new SpecialistChoice(u.Id, u.Organization == null ? u.DisplayName : u.DisplayName + " (" + u.Organization.Name + ")"));

    /// <summary>The session's edition, when it exists (for the coordination scope check).</summary>
    public Task<int?> EditionOfAsync(int id) =>
        db.CalendarSessions.Where(s => s.Id == id).Select(s => (int?)s.EditionId).SingleOrDefaultAsync();

    public async Task<SessionForm?> GetFormAsync(int id) =>
        (await db.CalendarSessions.AsNoTracking().Include(s => s.Teams).Include(s => s.Specialists).AsSplitQuery().Where(s => s.Id == id).ToListAsync()).Select(s =>
        {
            var start = ArgentinaClock.ToLocal(s.StartsAtUtc);
            var end = ArgentinaClock.ToLocal(s.EndsAtUtc);
            return new SessionForm
            {
                EditionId = s.EditionId,
                Title = s.Title,
                Kind = s.Kind,
                Date = DateOnly.FromDateTime(start),
                StartTime = TimeOnly.FromDateTime(start),
                EndTime = TimeOnly.FromDateTime(end),
                Location = s.Location,
                Description = s.Description,
                StageDefinitionId = s.StageDefinitionId,
                LedByOrganizationId = s.LedByOrganizationId,
                ProjectIds = s.Teams.Select(t => t.ProjectId).ToList(),
                SpecialistIds = s.Specialists.Select(t => t.UserId).ToList(),
            };
        }).SingleOrDefault();

    /// <summary>Rule checks beyond the annotations: (field, message) pairs; empty when valid.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(SessionForm form, IReadOnlySet<int>? scope)
    {
        var errors = new List<(string, string)>();
        form.ProjectIds = form.ProjectIds.Distinct().ToList();
        form.SpecialistIds = form.SpecialistIds.Distinct().ToList();
        if (form.EditionId is { } chosen && scope is not null && !scope.Contains(chosen))
        {
            errors.Add((nameof(SessionForm.EditionId), "Elegí una edición de la lista."));
            return errors;
        }

        if (form.EditionId is { } editionId)
        {
            if (form.ProjectIds.Count > 0 && await db.Projects.CountAsync(p => form.ProjectIds.Contains(p.Id) && p.EditionId == editionId) != form.ProjectIds.Count)
            {
                errors.Add((nameof(SessionForm.ProjectIds), "Elegí equipos de la edición de la sesión."));
            }

            if (form.StageDefinitionId is { } stageId && !await db.StageDefinitions.AnyAsync(d => d.Id == stageId && d.EditionId == editionId && d.HasTeamForm))
            {
                errors.Add((nameof(SessionForm.StageDefinitionId), "Elegí una etapa de la edición de la sesión, o ninguna."));
            }
        }

        if (form.LedByOrganizationId is { } organizationId && !await db.AllianceOrganizations.AnyAsync(o => o.Id == organizationId))
        {
            errors.Add((nameof(SessionForm.LedByOrganizationId), "Elegí una organización de la lista, o ninguna."));
        }

        if (form.SpecialistIds.Count > 0 && await db.ActiveMentors().CountAsync(u => form.SpecialistIds.Contains(u.Id)) != form.SpecialistIds.Count)
        {
            errors.Add((nameof(SessionForm.SpecialistIds), "Elegí especialistas de la lista (cuentas con el rol «Mentor / Especialista»)."));
        }
        if (form.StartTime is { } start && form.EndTime is { } end && end <= start)
        {
            errors.Add((nameof(SessionForm.EndTime), "La hora de fin tiene que ser posterior a la de inicio."));
        }

        if (form.EditionId is { } edition && !await db.Editions.AnyAsync(e => e.Id == edition))
        {
            errors.Add((nameof(SessionForm.EditionId), "Elegí una edición de la lista."));
        }

        return errors;
    }

    public Task<int> SaveAsync(int? id, SessionForm form, ClaimsPrincipal user) =>
        db.InTransactionAsync(() => SaveInTransactionAsync(id, form, user));

    private async Task<int> SaveInTransactionAsync(int? id, SessionForm form, ClaimsPrincipal user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        CalendarSession session;
        if (id is { } existingId)
        {
            session = await db.CalendarSessions.Include(s => s.Teams).Include(s => s.Specialists).AsSplitQuery().SingleAsync(s => s.Id == existingId);
        }
        else
        {
            session = new CalendarSession { Title = "", CreatedAtUtc = now };
            db.CalendarSessions.Add(session);
        }

        session.EditionId = form.EditionId!.Value;
        session.Title = form.Title!.Trim();
        session.Kind = form.Kind!.Value;
        session.StartsAtUtc = ArgentinaClock.ToUtc(form.Date!.Value, form.StartTime!.Value);
        session.EndsAtUtc = ArgentinaClock.ToUtc(form.Date!.Value, form.EndTime!.Value);
        session.Location = string.IsNullOrWhiteSpace(form.Location) ? null : form.Location.Trim();
        session.Description = form.Description?.Trim() ?? "";
        session.StageDefinitionId = form.StageDefinitionId;
        session.LedByOrganizationId = form.LedByOrganizationId;
        session.Teams.RemoveAll(t => !form.ProjectIds.Contains(t.ProjectId));
        session.Teams.AddRange(form.ProjectIds.Where(p => session.Teams.All(t => t.ProjectId != p)).Select(p => new SessionTeam { ProjectId = p }));
        session.Specialists.RemoveAll(t => !form.SpecialistIds.Contains(t.UserId));
        session.Specialists.AddRange(form.SpecialistIds.Where(u => session.Specialists.All(t => t.UserId != u)).Select(u => new SessionSpecialist { UserId = u }));
        session.UpdatedAtUtc = now;
        if (id is null)
        {
            // Saved first so the audit entry records the new session's id.
            await db.SaveChangesAsync();
        }

        audit.Record(user, id is null ? AuditActions.SessionCreated : AuditActions.SessionEdited, nameof(CalendarSession), session.Id, session.Title);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task<bool> DeleteAsync(int id, ClaimsPrincipal user)
    {
        var session = await db.CalendarSessions.SingleOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return false;
        }

        db.CalendarSessions.Remove(session);
        audit.Record(user, AuditActions.SessionDeleted, nameof(CalendarSession), id, session.Title);
        await db.SaveChangesAsync();
        return true;
    }

    private static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator);

    internal static IQueryable<SessionRow> Rows(IQueryable<CalendarSession> sessions) =>
        sessions.OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).AsSplitQuery()
            .Select(s => new SessionRow(s.Id, s.Title, s.Kind, s.StartsAtUtc, s.EndsAtUtc, s.Location, s.Description, s.Edition.Name)
            {
                LedBy = s.LedByOrganization == null ? null : s.LedByOrganization.Name,
                Stage = s.StageDefinition == null ? null : s.StageDefinition.Name,
                Teams = s.Teams.OrderBy(t => t.Project.Municipality.Name).Select(t => t.Project.Municipality.Name).ToList(),
                Specialists = s.Specialists.OrderBy(t => t.User.DisplayName)
                    .Select(t => t.User.Organization == null ? t.User.DisplayName : t.User.DisplayName + " (" + t.User.Organization.Name + ")").ToList(),
                AttendanceRecorded = s.AttendanceRecordedAtUtc != null,
            });
}
