using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Features.Notifications;

namespace ProgramaInnovacion.UnitTests.Notifications;

public class NotificationRulesTests
{
    public static TheoryData<PortalEventKind, NotificationCategory, Audience[]> Table => new()
    {
        { PortalEventKind.Submitted, NotificationCategory.Submissions, [Audience.Coordinators] },
        { PortalEventKind.Approved, NotificationCategory.Reviews, [Audience.Team] },
        { PortalEventKind.ChangesRequested, NotificationCategory.Reviews, [Audience.Team] },
        { PortalEventKind.Reopened, NotificationCategory.Reviews, [Audience.Team] },
        { PortalEventKind.StageOpened, NotificationCategory.Reviews, [Audience.Team] },
        { PortalEventKind.CommentByTeam, NotificationCategory.Comments, [Audience.Coordinators] },
        { PortalEventKind.CommentByCoordination, NotificationCategory.Comments, [Audience.Team] },
        { PortalEventKind.PanelOpened, NotificationCategory.Panel, [Audience.Named] },
        { PortalEventKind.EvaluationSubmitted, NotificationCategory.Panel, [Audience.Coordinators] },
        { PortalEventKind.PanelPublished, NotificationCategory.Panel, [Audience.Team] },
        { PortalEventKind.RecommendationAnswered, NotificationCategory.Panel, [Audience.Coordinators] },
        { PortalEventKind.NetworkPosted, NotificationCategory.Network, [Audience.EditionTeams] },
        { PortalEventKind.NetworkCommented, NotificationCategory.Network, [Audience.Named] },
        { PortalEventKind.DeadlineInThreeDays, NotificationCategory.Reminders, [Audience.Team] },
        { PortalEventKind.DeadlineToday, NotificationCategory.Reminders, [Audience.Team] },
        { PortalEventKind.Overdue, NotificationCategory.Reminders, [Audience.Team] },
        { PortalEventKind.FollowUpReportDue, NotificationCategory.Reminders, [Audience.Team] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EachEvent_TellsItsAudience_UnderItsCategory(PortalEventKind kind, NotificationCategory category, Audience[] audiences)
    {
        var rule = NotificationRules.For(kind);
        Assert.Equal(category, rule.Category);
        Assert.Equal(audiences, rule.Audiences);
    }

    [Fact]
    public void TheTable_CoversEveryEvent_AndEveryCategoryItUsesIsChoosable()
    {
        Assert.Equal(Enum.GetValues<PortalEventKind>().Order(), Table.Select(row => (PortalEventKind)row[0]).Order());
        Assert.All(Enum.GetValues<PortalEventKind>(), kind => Assert.Contains(NotificationRules.For(kind).Category, NotificationCategories.Choosable));
    }

    [Fact]
    public void EveryEvent_HasASpanishTitle()
    {
        foreach (var kind in Enum.GetValues<PortalEventKind>())
        {
            var title = NotificationTexts.Title(new PortalEvent(kind, null, "Desafío", "/") { Municipality = "Tandil" });
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.NotEqual("Desafío", title);
        }
    }

    /// <summary>Due 20 November 2021 at 23:59 in Argentina = 21 November 02:59 UTC.</summary>
    private static readonly DateTime Due = ArgentinaTime.EndOfLocalDay(new DateOnly(2021, 11, 20));

    [Theory]
    [InlineData("2021-11-16T23:59", null)] // four Argentina days before, though already the 17th in UTC
    [InlineData("2021-11-17T00:00", PortalEventKind.DeadlineInThreeDays)]
    [InlineData("2021-11-19T23:59", PortalEventKind.DeadlineInThreeDays)] // the 20th in UTC, not yet the due day here
    [InlineData("2021-11-20T00:00", PortalEventKind.DeadlineToday)]
    [InlineData("2021-11-20T23:59", PortalEventKind.DeadlineToday)]
    [InlineData("2021-11-21T00:00", PortalEventKind.Overdue)]
    [InlineData("2021-12-30T10:00", PortalEventKind.Overdue)]
    public void ReminderSchedule_CountsArgentinaCalendarDays(string argentinaTime, PortalEventKind? expected)
    {
        var now = ArgentinaTime.ToUtc(DateTime.Parse(argentinaTime, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, ReminderSchedule.Due(Due, now));
    }

    [Fact]
    public void ReminderKeys_ChangeWhenTheDueDateMoves_SoAMovedDeadlineRemindsAgain()
    {
        Assert.Equal(ReminderSchedule.Key(7, PortalEventKind.Overdue, Due), ReminderSchedule.Key(7, PortalEventKind.Overdue, Due));
        Assert.NotEqual(ReminderSchedule.Key(7, PortalEventKind.Overdue, Due), ReminderSchedule.Key(7, PortalEventKind.Overdue, Due.AddDays(2)));
        Assert.NotEqual(ReminderSchedule.Key(7, PortalEventKind.Overdue, Due), ReminderSchedule.Key(7, PortalEventKind.DeadlineToday, Due));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)] // capped
    [InlineData(20, 3600)]
    public void Retries_WaitTwiceAsLongEachTime_UpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new NotificationOptions().RetryDelay(attempts));
}
