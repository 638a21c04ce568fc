using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>
/// An ideation session tied to teams, the ideation stage and specialists: the coordination records
/// attendance, and the specialists present fill the ideation stage's "Especialistas que participaron"
/// of the teams that attended; the dashboard shows attendance per team.
/// </summary>
public class SessionAttendanceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Attendance_FillsTheIdeationSpecialists_OfTheTeamsPresent_KeepingWhatTheTeamWrote()
    {
        // Bariloche works on its ideation draft; Tandil's ideation is still locked.
        var arranged = await factory.WithDbAsync(async db =>
        {
            var bariloche = await db.ProjectStages.Include(s => s.Deliverable).Include(s => s.StageDefinition)
                .SingleAsync(s => s.StageDefinition.Role == StageRole.Ideation && s.Project.Municipality.Slug == "bariloche" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            db.ForceState(bariloche, StageState.InProgress);
            bariloche.Deliverable ??= new Deliverable();
            bariloche.Deliverable.ContentJson = "{\"especialistas\":\"Equipo de Modernización municipal\"}";
            var tandil = await db.ProjectStages.SingleAsync(s => s.StageDefinition.Role == StageRole.Ideation && s.Project.Municipality.Slug == "tandil" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            db.ForceState(tandil, StageState.Locked);
            await db.SaveChangesAsync();
            var projects = await db.Projects.Where(p => (p.Municipality.Slug == "bariloche" || p.Municipality.Slug == "tandil") && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName)
                .Select(p => new { p.Municipality.Slug, p.Id }).ToDictionaryAsync(p => p.Slug, p => p.Id);
            return (bariloche.StageDefinition.EditionId, bariloche.StageDefinitionId, Bariloche: projects["bariloche"], Tandil: projects["tandil"], BarilocheStage: bariloche.Id, TandilStage: tandil.Id);
        });
        Task<string?> TandilContentAsync() => factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == arranged.TandilStage).Select(d => d.ContentJson).SingleOrDefaultAsync());
        var tandilBefore = await TandilContentAsync();
        var mentorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == MentorDemoSeeder.AwsMentorEmail).Select(u => u.Id).SingleAsync());
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var form = await coordinator.GetPageAsync("/calendario/nueva");
        var fields = PortalClient.FormFields(form, "form.session-form", new Dictionary<string, string>
        {
            ["EditionId"] = Text(arranged.EditionId),
            ["Title"] = "Ideación: Tandil y Bariloche con AWS",
            ["Kind"] = nameof(SessionKind.Ideation),
            ["Date"] = "2021-09-21",
            ["StartTime"] = "10:00",
            ["EndTime"] = "12:00",
            ["StageDefinitionId"] = Text(arranged.StageDefinitionId),
            ["LedByOrganizationId"] = Text(await factory.WithDbAsync(db => db.AllianceOrganizations.Where(o => o.Name == "AWS").Select(o => o.Id).SingleAsync())),
        });
        fields.Add(new("ProjectIds", Text(arranged.Bariloche)));
        fields.Add(new("ProjectIds", Text(arranged.Tandil)));
        fields.Add(new("SpecialistIds", mentorId));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.Http.PostAsync("/calendario/nueva", new FormUrlEncodedContent(fields))).StatusCode);
        var sessionId = await factory.WithDbAsync(db => db.CalendarSessions.Where(s => s.Title == "Ideación: Tandil y Bariloche con AWS").Select(s => s.Id).SingleAsync());

        var calendar = await coordinator.GetPageAsync("/calendario");
        var card = calendar.QuerySelectorAll("li.card").Single(c => c.TextContent.Contains("Ideación: Tandil y Bariloche con AWS", StringComparison.Ordinal));
        Assert.Contains("A cargo de AWS", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Equipos: Bariloche, Tandil", card.TextContent, StringComparison.Ordinal);

        var sheet = await coordinator.GetPageAsync($"/calendario/{sessionId}/asistencia");
        var barilocheMember = await factory.WithDbAsync(db => db.ProjectMembers.Where(m => m.ProjectId == arranged.Bariloche).Select(m => m.UserId).FirstAsync());
        var attendance = PortalClient.FormFields(sheet, "main form").Where(f => f.Key != "presentes").ToList();
        var tandilMember = await factory.WithDbAsync(db => db.ProjectMembers.Where(m => m.ProjectId == arranged.Tandil).Select(m => m.UserId).FirstAsync());
        attendance.Add(new("presentes", barilocheMember));
        attendance.Add(new("presentes", tandilMember));
        attendance.Add(new("presentes", mentorId));
        attendance.Add(new("presentes", "un-intruso"));
        var saved = await coordinator.Http.PostAsync($"/calendario/{sessionId}/asistencia", new FormUrlEncodedContent(attendance));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var present = await factory.WithDbAsync(db => db.SessionAttendance.Where(a => a.SessionId == sessionId).Select(a => new { a.UserId, a.ProjectId }).ToListAsync());
        Assert.Equal(3, present.Count);
        Assert.Contains(present, a => a.UserId == tandilMember && a.ProjectId == arranged.Tandil);
        Assert.Contains(present, a => a.UserId == barilocheMember && a.ProjectId == arranged.Bariloche);
        Assert.Contains(present, a => a.UserId == mentorId && a.ProjectId == null);

        var content = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == arranged.BarilocheStage).Select(d => d.ContentJson).SingleAsync());
        var specialists = DeliverableContent.Parse(content).Root["especialistas"]!.GetValue<string>();
        Assert.StartsWith("Equipo de Modernización municipal", specialists, StringComparison.Ordinal);
        Assert.Contains("- Lucía Fernández (AWS)", specialists, StringComparison.Ordinal);
        // Tandil attended too, but its ideation stage is locked: nothing is written into it.
        Assert.Equal(tandilBefore, await TandilContentAsync());

        // Recording again adds nobody twice.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.Http.PostAsync($"/calendario/{sessionId}/asistencia", new FormUrlEncodedContent(attendance))).StatusCode);
        var again = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == arranged.BarilocheStage).Select(d => d.ContentJson).SingleAsync());
        Assert.Equal(specialists, DeliverableContent.Parse(again).Root["especialistas"]!.GetValue<string>());

        var dashboard = await coordinator.GetPageAsync($"/coordinacion?edicion={arranged.EditionId}");
        var row = dashboard.QuerySelectorAll("#asistencia-equipos ~ div tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Bariloche");
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        // The demo may hold other sessions of Bariloche: the row counts what the database holds, this session included.
        var expected = await factory.WithDbAsync(async db => new
        {
            Recorded = await db.SessionTeams.CountAsync(t => t.ProjectId == arranged.Bariloche && t.Session.AttendanceRecordedAtUtc != null),
            Attended = await db.SessionAttendance.Where(a => a.ProjectId == arranged.Bariloche).Select(a => a.SessionId).Distinct().CountAsync(),
            Presences = await db.SessionAttendance.CountAsync(a => a.ProjectId == arranged.Bariloche),
        });
        Assert.True(expected.Attended >= 1);
        Assert.StartsWith($"{expected.Attended} de {expected.Recorded}", cells[1], StringComparison.Ordinal);
        Assert.Equal(expected.Presences.ToString(CultureInfo.InvariantCulture), cells[2]);
    }
}
