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
/// can change without touching it. One SQL command however many sessions, teams and people.
/// </summary>
public class TeamAttendanceViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int editionId)
    {
        // One command, one row per invitation and one per presence (UNION ALL) of the edition's
        // sessions with invited teams. Loading both as collections of each session multiplied them
        // (EF Core warned on every dashboard): a plenary with 500 teams and 1,000 people present came
        // back as 500,000 rows.
        var sessions = db.CalendarSessions.Where(s => s.EditionId == editionId && s.Teams.Any());
        var facts = await db.SessionTeams.AsNoTracking().Where(t => sessions.Contains(t.Session))
            .Select(t => new { t.SessionId, ProjectId = (int?)t.ProjectId, Municipality = (string?)t.Project.Municipality.Name, Recorded = t.Session.AttendanceRecordedAtUtc != null, UserId = (string?)null })
            .Concat(db.SessionAttendance.AsNoTracking().Where(a => sessions.Contains(a.Session))
                .Select(a => new { a.SessionId, a.ProjectId, Municipality = (string?)null, Recorded = false, UserId = (string?)a.UserId }))
            .ToListAsync();
        var invitations = facts.Where(f => f.UserId is null).Select(f => new { f.SessionId, ProjectId = f.ProjectId!.Value, Municipality = f.Municipality!, f.Recorded }).ToList();
        var presences = facts.Where(f => f.UserId is not null).ToList();
        var teamsPresent = presences.Where(p => p.ProjectId is not null).Select(p => (p.SessionId, p.ProjectId!.Value)).ToHashSet();
        var memberPresences = presences.Where(p => p.ProjectId is not null).CountBy(p => p.ProjectId!.Value).ToDictionary();
        var specialistsBySession = presences.Where(p => p.ProjectId is null).ToLookup(p => p.SessionId, p => p.UserId!);
        var rows = invitations.GroupBy(i => (i.ProjectId, i.Municipality))
            .OrderBy(g => g.Key.Municipality, StringComparer.CurrentCulture)
            .Select(g =>
            {
                var attended = g.Where(i => teamsPresent.Contains((i.SessionId, g.Key.ProjectId))).Select(i => i.SessionId).ToHashSet();
                return new TeamAttendanceRow(g.Key.ProjectId, g.Key.Municipality, g.Count(), g.Count(i => i.Recorded), attended.Count,
                    memberPresences.GetValueOrDefault(g.Key.ProjectId),
                    attended.SelectMany(session => specialistsBySession[session]).Distinct().Count());
            })
            .ToList();
        return View("_TeamAttendance", rows);
    }
}
