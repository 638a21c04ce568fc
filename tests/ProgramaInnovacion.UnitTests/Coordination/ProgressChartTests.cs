using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.UnitTests.Coordination;

public class ProgressChartTests
{
    private static readonly DateTime Start = new(2021, 7, 27, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void From_CountsApprovalsPerWeek_AndTheRunningTotal()
    {
        var chart = ProgressChart.From(Start, null, Start.AddDays(20), [Approved(1), Approved(2), Approved(15)]);
        Assert.Equal([2, 0, 1], chart.Weeks.Select(w => w.ApprovedThisWeek));
        Assert.Equal([2, 2, 3], chart.Weeks.Select(w => w.Cumulative));
        Assert.Equal(3, chart.MaxValue);
    }

    [Fact]
    public void From_BeforeTheEditionStarts_IsEmpty()
    {
        Assert.True(ProgressChart.From(Start, null, Start.AddDays(-3), []).IsEmpty);
    }

    [Fact]
    public void From_AfterTheEditionEnds_StopsAtTheEnd()
    {
        var chart = ProgressChart.From(Start, Start.AddDays(13), Start.AddDays(100), [Approved(3)]);
        Assert.Equal(2, chart.Weeks.Count);
    }

    [Fact]
    public void From_AStageApprovedThenReopened_CountsAsApprovedWhileItWas()
    {
        // Approved in week 0, reopened in week 2, approved again in week 3.
        var chart = ProgressChart.From(Start, null, Start.AddDays(27),
            [Approved(1), Approved(2), new ApprovalChange(Start.AddDays(15), false), Approved(22)]);
        Assert.Equal([2, 2, 1, 2], chart.Weeks.Select(w => w.Cumulative));
        Assert.Equal([2, 0, 0, 1], chart.Weeks.Select(w => w.ApprovedThisWeek));
    }

    private static ApprovalChange Approved(int day) => new(Start.AddDays(day), true);
}
