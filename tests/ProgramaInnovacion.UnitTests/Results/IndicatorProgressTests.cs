using ProgramaInnovacion.Core.Results;

namespace ProgramaInnovacion.UnitTests.Results;

public class IndicatorProgressTests
{
    [Theory]
    [InlineData(45, 10, 20, 71.4)] // down is better: 45 days to 10, measured 20
    [InlineData(45, 10, 45, 0)]
    [InlineData(45, 10, 10, 100)]
    [InlineData(45, 10, 50, -14.3)] // moved the wrong way
    [InlineData(200, 1000, 600, 50)] // up is better
    [InlineData(200, 1000, 1200, 125)] // beat the target
    [InlineData(200, 1000, 100, -12.5)]
    public void Percent_IsTheShareOfTheWayFromBaselineToTarget_InBothDirections(decimal baseline, decimal target, decimal value, decimal expected) =>
        Assert.Equal(expected, IndicatorProgress.Percent(baseline, target, value));

    [Fact]
    public void Percent_IsNull_WhenBaselineEqualsTarget() => Assert.Null(IndicatorProgress.Percent(5, 5, 7));

    [Fact]
    public void Expected_IsTheShareOfTimeElapsed_AndAllTheWayWithoutDates()
    {
        var from = new DateOnly(2022, 1, 1);
        var to = new DateOnly(2023, 1, 1);
        Assert.Equal(49.6m, IndicatorProgress.Expected(from, to, new DateOnly(2022, 7, 1)));
        Assert.Equal(0m, IndicatorProgress.Expected(from, to, new DateOnly(2021, 6, 1)));
        Assert.Equal(100m, IndicatorProgress.Expected(from, to, new DateOnly(2024, 1, 1)));
        Assert.Equal(100m, IndicatorProgress.Expected(null, to, new DateOnly(2022, 7, 1)));
    }

    [Theory]
    [InlineData(45, 10, 28, ResultStatus.OnTrack)] // 48.6 % at half time
    [InlineData(45, 10, 35, ResultStatus.AtRisk)] // 28.6 % at half time
    [InlineData(45, 10, 42, ResultStatus.OffTrack)] // 8.6 % at half time
    [InlineData(45, 10, 47, ResultStatus.OffTrack)] // wrong way
    [InlineData(200, 1000, 560, ResultStatus.OnTrack)] // 45 % at half time
    [InlineData(200, 1000, 400, ResultStatus.AtRisk)] // 25 %
    [InlineData(200, 1000, 250, ResultStatus.OffTrack)] // 6.25 %
    public void Status_ComparesProgressWithTheTimeElapsed_InBothDirections(decimal baseline, decimal target, decimal value, ResultStatus expected)
    {
        var status = IndicatorProgress.Status(baseline, target, new DateOnly(2022, 1, 1), new DateOnly(2023, 1, 1), value, new DateOnly(2022, 7, 2));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void Status_WithoutMeasurement_IsNoData_AndAProjectTakesItsWorstMeasuredIndicator()
    {
        Assert.Equal(ResultStatus.NoData, IndicatorProgress.Status(45, 10, null, null, null, null));
        Assert.Equal(ResultStatus.AtRisk, IndicatorProgress.Worst([ResultStatus.OnTrack, ResultStatus.NoData, ResultStatus.AtRisk]));
        Assert.Equal(ResultStatus.NoData, IndicatorProgress.Worst([ResultStatus.NoData]));
    }
}
