using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Calendar;

/// <summary>
/// Attendance of a calendar session, recorded by the coordination per team member and per
/// specialist. A session tied to the edition's ideation stage (found by <see cref="StageRole.Ideation"/>,
/// never by key) feeds that stage's "Especialistas que participaron" field of each team that was
/// there, while the team can still edit it: the specialists present at sessions the team attended
/// are added to what the team wrote, never replacing it.
/// </summary>
public class SessionAttendanceSheet(AppDbContext db, DeliverableDrafts drafts, AuditLog audit, TimeProvider time)
{
    /// <summary>The ideation form's field the sessions feed; field keys of a role's form are that role's contract (ADR 0008).</summary>
    public const string SpecialistsField = "especialistas";

    public async Task<AttendanceViewModel?> SheetAsync(int sessionId)
    {
        var session = await CalendarSessions.Rows(db.CalendarSessions.AsNoTracking().Where(s => s.Id == sessionId)).SingleOrDefaultAsync();
        if (session is null)
        {
            return null;
        }

        var present = await db.SessionAttendance.AsNoTracking().Where(a => a.SessionId == sessionId).Select(a => a.UserId).ToListAsync();
        var teams = await db.SessionTeams.AsNoTracking().Where(t => t.SessionId == sessionId)
            .OrderBy(t => t.Project.Municipality.Name)
            .Select(t => new { t.ProjectId, t.Project.Municipality.Name, Members = t.Project.Members.Where(m => m.User.IsActive).OrderBy(m => m.User.DisplayName).Select(m => new { m.UserId, m.User.DisplayName }).ToList() })
            .ToListAsync();
        var specialists = await db.SessionSpecialists.AsNoTracking().Where(t => t.SessionId == sessionId)
            .OrderBy(t => t.User.DisplayName)
            .Select(t => new { t.UserId, Name = t.User.Organization == null ? t.User.DisplayName : t.User.DisplayName + " (" + t.User.Organization.Name + ")" })
            .ToListAsync();
        var feedsIdeation = await db.CalendarSessions.AnyAsync(s => s.Id == sessionId && s.StageDefinition != null && s.StageDefinition.Role == StageRole.Ideation);
        return new AttendanceViewModel(
            session,
            teams.Select(t => new AttendanceTeamViewModel(t.ProjectId, t.Name, t.Members.Select(m => new AttendeeViewModel(m.UserId, m.DisplayName, present.Contains(m.UserId))).ToList())).ToList(),
            specialists.Select(s => new AttendeeViewModel(s.UserId, s.Name, present.Contains(s.UserId))).ToList(),
            feedsIdeation);
    }

    /// <summary>Replaces the session's attendance with the people ticked; returns how many teams' ideation fields got new specialists.</summary>
    /// <param name="present">User ids; anyone not invited to the session (a member of another team, a stranger) is ignored.</param>
    public Task<int> RecordAsync(int sessionId, IReadOnlyCollection<string> present, ClaimsPrincipal actor) =>
        db.InTransactionAsync(async () =>
        {
            var session = await db.CalendarSessions.Include(s => s.Attendance).SingleAsync(s => s.Id == sessionId);
            var members = await db.SessionTeams.Where(t => t.SessionId == sessionId)
                .SelectMany(t => t.Project.Members.Select(m => new { m.UserId, m.ProjectId })).ToListAsync();
            var specialists = await db.SessionSpecialists.Where(t => t.SessionId == sessionId).Select(t => t.UserId).ToListAsync();

            session.Attendance.Clear();
            foreach (var member in members.Where(m => present.Contains(m.UserId)).DistinctBy(m => m.UserId))
            {
                session.Attendance.Add(new SessionAttendance { UserId = member.UserId, ProjectId = member.ProjectId });
            }

            foreach (var specialist in specialists.Where(present.Contains).Except(members.Select(m => m.UserId)))
            {
                session.Attendance.Add(new SessionAttendance { UserId = specialist });
            }

            session.AttendanceRecordedAtUtc = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            var filled = await FillIdeationAsync(session.Id, actor.FindFirstValue(ClaimTypes.NameIdentifier)!);
            audit.Record(actor, AuditActions.AttendanceRecorded, nameof(CalendarSession), session.Id,
                $"{session.Title}: {session.Attendance.Count} presentes{(filled.Count == 0 ? "" : $"; especialistas sumados a la ideación de {string.Join(", ", filled)}")}");
            await db.SaveChangesAsync();
            return filled.Count;
        });

    /// <summary>Adds to each attending team's ideation field the specialists met at every ideation session it attended; returns the teams changed.</summary>
    private async Task<List<string>> FillIdeationAsync(int sessionId, string actorId)
    {
        var teams = await db.SessionAttendance.Where(a => a.SessionId == sessionId && a.ProjectId != null && a.Session.StageDefinition != null && a.Session.StageDefinition.Role == StageRole.Ideation)
            .Select(a => a.ProjectId!.Value).Distinct().ToListAsync();
        var changed = new List<string>();
        foreach (var projectId in teams)
        {
            // Specialists present at ideation sessions this team attended (any member present).
            var met = await db.SessionAttendance.AsNoTracking()
                .Where(a => a.ProjectId == null && a.Session.StageDefinition != null && a.Session.StageDefinition.Role == StageRole.Ideation
                    && db.SessionAttendance.Any(m => m.SessionId == a.SessionId && m.ProjectId == projectId))
                .OrderBy(a => a.Session.StartsAtUtc).ThenBy(a => a.User.DisplayName)
                .Select(a => new { a.User.DisplayName, Organization = a.User.Organization == null ? null : a.User.Organization.Name })
                .ToListAsync();
            var stage = await db.ProjectStages.AsNoTracking()
                .Where(s => s.ProjectId == projectId && s.StageDefinition.Role == StageRole.Ideation)
                .Select(s => new { s.Id, s.State, s.Project.Municipality.Name, Content = s.Deliverable == null ? null : s.Deliverable.ContentJson })
                .SingleOrDefaultAsync();
            if (stage is null || !StageWorkflow.IsEditableByTeam(stage.State))
            {
                continue; // delivered or approved content is the team's record: left as it is
            }

            var content = DeliverableContent.Parse(stage.Content).Root;
            var written = content[SpecialistsField] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
            var lines = met.DistinctBy(m => m.DisplayName)
                .Where(m => !written.Contains(m.DisplayName, StringComparison.OrdinalIgnoreCase))
                .Select(m => m.Organization is null ? $"- {m.DisplayName}" : $"- {m.DisplayName} ({m.Organization})")
                .ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            content[SpecialistsField] = JsonValue.Create(string.Join("\n", (written.Length == 0 ? [] : new[] { written.TrimEnd() }).Concat(lines)));
            var saved = await drafts.SaveAsync(stage.Id, content, actorId, expectedVersion: null);
            if (saved.Status == DraftSaveStatus.Saved)
            {
                changed.Add(stage.Name);
            }
        }

        return changed;
    }
}
