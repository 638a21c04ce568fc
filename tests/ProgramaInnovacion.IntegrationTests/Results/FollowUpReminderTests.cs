using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Notifications;

namespace ProgramaInnovacion.IntegrationTests.Results;

/// <summary>Reminders per reporting period after the panel (this class moves its own clock).</summary>
public class FollowUpReminderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Title = "Informá los indicadores del período de seguimiento que termina el ";

    /// <summary>Tandil's 2021 project, its panel closed on 20 September 2026 and its targets due on 30 June 2027; a second member switched reminders off.</summary>
    private async Task<(int ProjectId, int PanelStageId, string Team, string Silent)> ArrangeAsync()
    {
        var silent = await factory.CreateUserAsync("tandil-sin-recordatorios@programa.example", Roles.MunicipalTeam);
        return await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == ReferenceData.FirstEditionName).SingleAsync();
            var panel = await db.ProjectStages.SingleAsync(s => s.ProjectId == project.Id && s.StageDefinition.Role == StageRole.ExpertPanel);
            Assert.Equal(StageState.Approved, panel.State);
            db.ForceApprovedAt(panel, ArgentinaTime.ToUtc(new DateOnly(2026, 9, 20), new TimeOnly(12, 0)));
            await db.FollowUpIndicators.Where(i => i.ProjectId == project.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.TargetDate, new DateOnly(2027, 6, 30)));
            db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = silent.Id, JoinedAtUtc = silent.CreatedAtUtc });
            db.NotificationPreferences.Add(new NotificationPreference { UserId = silent.Id, Category = NotificationCategory.Reminders, Delivery = EmailDelivery.Off });
            await db.SaveChangesAsync();
            var team = await db.ProjectMembers.Where(m => m.ProjectId == project.Id && m.UserId != silent.Id).Select(m => m.User.Email!).SingleAsync();
            return (project.Id, panel.Id, team, silent.Email!);
        });
    }

    /// <summary>Runs two passes of the worker at noon (Argentina) of that day, and returns the follow-up reminders' titles by address.</summary>
    private async Task<List<(string Email, string Title)>> AtNoonAsync(int projectId, int year, int month, int day)
    {
        factory.Time.SetUtcNow(new DateTimeOffset(ArgentinaTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(12, 0)), TimeSpan.Zero));
        await factory.DeliverMailAsync();
        await factory.DeliverMailAsync();
        return await factory.WithDbAsync(async db => (await db.Notifications
                .Where(n => n.ProjectId == projectId && n.Category == NotificationCategory.Reminders && n.Title.StartsWith(Title))
                .OrderBy(n => n.Id).Select(n => new { n.Recipient.Email, n.Title }).ToListAsync())
            .Select(n => (n.Email!, n.Title[Title.Length..])).ToList());
    }

    [Fact]
    public async Task TheTeamIsRemindedOncePerQuarter_UnlessItReported_NotWhileThePanelIsReopened_NorAfterTheFollowUpEnds()
    {
        var (projectId, panelStageId, team, silent) = await ArrangeAsync();

        // Eight days before the first quarter (20 Sep – 19 Dec) ends: nothing yet.
        Assert.Empty(await AtNoonAsync(projectId, 2026, 12, 12));

        // Its last week: each member is told once, however many passes run; mail only to whoever did not switch reminders off.
        var first = await AtNoonAsync(projectId, 2026, 12, 13);
        Assert.Equal([(team, "19 de diciembre de 2026"), (silent, "19 de diciembre de 2026")], first.OrderBy(n => n.Email == silent));
        Assert.Equal(2, (await AtNoonAsync(projectId, 2026, 12, 20)).Count);
        var mail = Assert.Single(factory.Mails(team, Title + "19 de diciembre de 2026"));
        Assert.Contains("del 20 de septiembre de 2026 al 19 de diciembre de 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/proyectos/{projectId}/seguimiento", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(factory.Mails(silent, Title + "19 de diciembre de 2026"));

        // The team reports every indicator in January: the second quarter (to 19 March) is not reminded.
        await factory.WithDbAsync(async db =>
        {
            foreach (var indicatorId in await db.FollowUpIndicators.Where(i => i.ProjectId == projectId).Select(i => i.Id).ToListAsync())
            {
                db.IndicatorMeasurements.Add(new IndicatorMeasurement { IndicatorId = indicatorId, MeasuredOn = new DateOnly(2027, 1, 10), Value = 1, RecordedAtUtc = factory.Time.GetUtcNow().UtcDateTime });
            }

            await db.SaveChangesAsync();
        });
        Assert.Equal(2, (await AtNoonAsync(projectId, 2027, 3, 14)).Count);
        Assert.Empty(factory.Mails(team, Title + "19 de marzo de 2027"));

        // The third quarter has no value yet: reminded again.
        Assert.Equal(["19 de junio de 2027"], (await AtNoonAsync(projectId, 2027, 6, 14)).Skip(2).Select(n => n.Title).Distinct());
        Assert.Single(factory.Mails(team, Title + "19 de junio de 2027"));

        // While the coordination reopens the panel, the project is not under follow-up: no reminder; closed again, it is.
        await SetPanelStateAsync(panelStageId, StageState.ChangesRequested);
        Assert.Equal(4, (await AtNoonAsync(projectId, 2027, 9, 14)).Count);
        await SetPanelStateAsync(panelStageId, StageState.Approved);
        Assert.Equal(6, (await AtNoonAsync(projectId, 2027, 9, 15)).Count);
        Assert.Single(factory.Mails(team, Title + "19 de septiembre de 2027"));

        // The next quarter would start after the last target date (30 June 2027): the follow-up has ended.
        Assert.Equal(6, (await AtNoonAsync(projectId, 2027, 12, 14)).Count);
        Assert.Equal(3, await factory.WithDbAsync(db => db.ScheduledSends.CountAsync(s => s.Key.StartsWith($"seguimiento:{projectId}:"))));
    }

    private Task SetPanelStateAsync(int stageId, StageState state) => factory.WithDbAsync(async db =>
    {
        db.ForceState(await db.ProjectStages.SingleAsync(s => s.Id == stageId), state);
        await db.SaveChangesAsync();
    });
}
