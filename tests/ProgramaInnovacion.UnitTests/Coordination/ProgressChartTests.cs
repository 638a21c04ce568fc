using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.UnitTests.Coordination;

public class ProgressChartTests
{
    private static readonly DateTime Start = new(2021, 7, 27, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void From_CountsApprovalsPerWeek_AndTheRunningTotal()
    {
        var chart = ProgressChart.From(Start, null, Start.AddDays(20), [Start.AddDays(1), Start.AddDays(2), Start.AddDays(15)]);
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
        var chart = ProgressChart.From(Start, Start.AddDays(13), Start.AddDays(100), [Start.AddDays(3)]);
        Assert.Equal(2, chart.Weeks.Count);
    }
}
