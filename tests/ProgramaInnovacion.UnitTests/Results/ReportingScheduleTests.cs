using ProgramaInnovacion.Core.Results;

namespace ProgramaInnovacion.UnitTests.Results;

public class ReportingScheduleTests
{
    private static readonly DateOnly Closed = new(2026, 9, 20);
    private static readonly DateOnly Ends = new(2027, 6, 30);

    [Theory]
    [InlineData("2026-12-12", null, null)] // eight days before the first quarter ends: not yet
    [InlineData("2026-12-13", "2026-09-20", "2026-12-19")] // its last seven days
    [InlineData("2027-01-18", "2026-09-20", "2026-12-19")] // a worker that was down still catches up, up to 30 days after
    [InlineData("2027-01-19", null, null)] // too late for the first quarter, too early for the second
    [InlineData("2027-03-13", "2026-12-20", "2027-03-19")]
    [InlineData("2027-09-13", "2027-06-20", "2027-09-19")] // the last period starts before the follow-up ends on 30 June
    [InlineData("2027-12-13", null, null)] // this one would start after the follow-up ended
    public void Due_IsTheEndingQuarterFromThePanelsClose_UntilTheFollowUpEnds(string today, string? start, string? end)
    {
        var due = ReportingSchedule.Due(Closed, Ends, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(start is null ? null : new ReportingPeriod(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end!, System.Globalization.CultureInfo.InvariantCulture)), due);
    }

    [Fact]
    public void Due_FollowsTheConfiguredPeriodLength()
    {
        Assert.Equal(new ReportingPeriod(new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 19)), ReportingSchedule.Due(Closed, Ends, new DateOnly(2026, 10, 15), 1));
        Assert.Null(ReportingSchedule.Due(Closed, Ends, new DateOnly(2026, 10, 15), 3));
        Assert.Null(ReportingSchedule.Due(Closed, Ends, new DateOnly(2026, 10, 15), 0));
    }

    [Fact]
    public void FollowUpEnds_OnTheLatestTargetDate_OrAYearAfterThePanelWithoutAny()
    {
        Assert.Equal(Ends, ReportingSchedule.FollowUpEnds(Closed, [new DateOnly(2027, 3, 1), null, Ends]));
        Assert.Equal(new DateOnly(2027, 9, 20), ReportingSchedule.FollowUpEnds(Closed, [null, null]));
    }

    [Fact]
    public void IsReported_OnlyWhenEveryIndicatorHasAValueFromThePeriodsFirstDay()
    {
        var period = new ReportingPeriod(new DateOnly(2026, 12, 20), new DateOnly(2027, 3, 19));
        Assert.True(ReportingSchedule.IsReported(period, [new DateOnly(2026, 12, 20), new DateOnly(2027, 3, 25)]));
        Assert.False(ReportingSchedule.IsReported(period, [new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 19)]));
        Assert.False(ReportingSchedule.IsReported(period, [new DateOnly(2027, 1, 5), null]));
        Assert.Equal("seguimiento:7:2027-03-19", ReportingSchedule.Key(7, period.End));
    }
}
