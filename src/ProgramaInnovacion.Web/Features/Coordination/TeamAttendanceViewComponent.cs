using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <param name="Invited">Sessions of the edition the team was invited to.</param>
/// <param name="Attended">Of those with attendance recorded, the ones at least one member attended.</param>
/// <param name="Recorded">Invited sessions whose attendance the coordination recorded.</param>
/// <param name="MemberPresences">Team members present, summed over sessions.</param>
/// <param name="Specialists">Distinct specialists present at sessions the team attended.</param>
public sealed record TeamAttendanceRow(int ProjectId, string Municipality, int Invited, int Recorded, int Attended, int MemberPresences, int Specialists);

/// <summary>
/// The dashboard's "attendance per team" section: a separate component so the dashboard's layout
/// can change without touching it. One SQL command however many sessions.
/// </summary>
public class TeamAttendanceViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int editionId)
    {
        // One SQL command: the edition's sessions with their invited teams and who was present.
        var sessions = await db.CalendarSessions.AsNoTracking().Where(s => s.EditionId == editionId && s.Teams.Any())
            .Select(s => new
            {
                s.Id,
                Recorded = s.AttendanceRecordedAtUtc != null,
                Teams = s.Teams.Select(t => new { t.ProjectId, Municipality = t.Project.Municipality.Name }).ToList(),
                Present = s.Attendance.Select(a => new { a.ProjectId, a.UserId }).ToList(),
            })
            .ToListAsync();
        var invitations = sessions.SelectMany(s => s.Teams.Select(t => new { t.ProjectId, t.Municipality, SessionId = s.Id, s.Recorded })).ToList();
        var presences = sessions.SelectMany(s => s.Present.Select(a => new { SessionId = s.Id, a.ProjectId, a.UserId })).ToList();
        var rows = invitations.GroupBy(i => (i.ProjectId, i.Municipality))
            .OrderBy(g => g.Key.Municipality, StringComparer.CurrentCulture)
            .Select(g =>
            {
                var attended = g.Where(i => presences.Any(p => p.SessionId == i.SessionId && p.ProjectId == g.Key.ProjectId)).Select(i => i.SessionId).ToHashSet();
                return new TeamAttendanceRow(g.Key.ProjectId, g.Key.Municipality, g.Count(), g.Count(i => i.Recorded), attended.Count,
                    presences.Count(p => p.ProjectId == g.Key.ProjectId),
                    presences.Where(p => p.ProjectId == null && attended.Contains(p.SessionId)).Select(p => p.UserId).Distinct().Count());
            })
            .ToList();
        return View("_TeamAttendance", rows);
    }
}
