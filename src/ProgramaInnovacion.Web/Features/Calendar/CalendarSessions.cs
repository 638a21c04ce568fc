using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
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

    public async Task<CalendarListPage> ListAsync(ClaimsPrincipal user)
    {
        var rows = await Rows(VisibleTo(user)).ToListAsync();
        var now = time.GetUtcNow().UtcDateTime;
        return new CalendarListPage(
            rows.Where(s => s.EndsAtUtc >= now).ToList(),
            rows.Where(s => s.EndsAtUtc < now).OrderByDescending(s => s.StartsAtUtc).ToList(),
            CanManage(user));
    }

    public async Task<CalendarMonthPage> MonthAsync(ClaimsPrincipal user, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        // Weeks start on Monday, as calendars in Argentina do.
        var gridStart = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = first.AddMonths(1).AddDays(-1);
        var gridEnd = last.AddDays(6 - (((int)last.DayOfWeek + 6) % 7));
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(gridStart.ToDateTime(TimeOnly.MinValue), ArgentinaClock.Zone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(gridEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), ArgentinaClock.Zone);
        var rows = await Rows(VisibleTo(user).Where(s => s.StartsAtUtc >= fromUtc && s.StartsAtUtc < toUtc)).ToListAsync();
        var byDay = rows.ToLookup(s => DateOnly.FromDateTime(ArgentinaClock.ToLocal(s.StartsAtUtc)));

        var weeks = new List<IReadOnlyList<MonthDay>>();
        for (var day = gridStart; day <= gridEnd; day = day.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(i => day.AddDays(i)).Select(d => new MonthDay(d, d.Month == month, byDay[d].ToList())).ToList());
        }

        var title = first.ToString("MMMM 'de' yyyy", EsAr);
        return new CalendarMonthPage(year, month, char.ToUpper(title[0], EsAr) + title[1..], weeks,
            first.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), first.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture), CanManage(user));
    }

    public Task<List<EditionChoice>> EditionsAsync() =>
        db.Editions.AsNoTracking().OrderByDescending(e => e.StartsAtUtc).Select(e => new EditionChoice(e.Id, e.Name)).ToListAsync();

    public async Task<SessionForm?> GetFormAsync(int id) =>
        (await db.CalendarSessions.AsNoTracking().Where(s => s.Id == id).ToListAsync()).Select(s =>
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
            };
        }).SingleOrDefault();

    /// <summary>Rule checks beyond the annotations: (field, message) pairs; empty when valid.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(SessionForm form)
    {
        var errors = new List<(string, string)>();
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
            session = await db.CalendarSessions.SingleAsync(s => s.Id == existingId);
        }
        else
        {
            session = new CalendarSession { Title = "", CreatedAtUtc = now };
            db.CalendarSessions.Add(session);
        }

        session.EditionId = form.EditionId!.Value;
        session.Title = form.Title!.Trim();
        session.Kind = form.Kind!.Value;
        session.StartsAtUtc = ToUtc(form.Date!.Value, form.StartTime!.Value);
        session.EndsAtUtc = ToUtc(form.Date!.Value, form.EndTime!.Value);
        session.Location = string.IsNullOrWhiteSpace(form.Location) ? null : form.Location.Trim();
        session.Description = form.Description?.Trim() ?? "";
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

    public async Task<bool> ExistsAsync(int id) => await db.CalendarSessions.AnyAsync(s => s.Id == id);

    private static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), ArgentinaClock.Zone);

    private static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator);

    private static IQueryable<SessionRow> Rows(IQueryable<CalendarSession> sessions) =>
        sessions.OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Select(s => new SessionRow(s.Id, s.Title, s.Kind, s.StartsAtUtc, s.EndsAtUtc, s.Location, s.Description, s.Edition.Name));
}
