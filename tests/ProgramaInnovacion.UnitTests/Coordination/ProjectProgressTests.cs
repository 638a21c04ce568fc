using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Coordination;

public class ProjectProgressTests
{
    private const StageState A = StageState.Approved;

    [Fact]
    public void TheCurrentStage_IsTheFirstNotApproved_InStageOrder()
    {
        var progress = ProjectProgress.Of([A, A, StageState.Submitted, StageState.Locked]);
        Assert.Equal(2, progress.CurrentIndex);
        Assert.Equal(2, progress.Approved);
        Assert.Equal(4, progress.Total);
        Assert.Equal(50, progress.Percent);
        Assert.False(progress.IsComplete);
    }

    [Fact]
    public void AStageWithoutARow_CountsAsLocked_SoItIsNotApproved_AndCanBeCurrent()
    {
        var progress = ProjectProgress.Of([A, null, StageState.Available]);
        Assert.Equal(1, progress.CurrentIndex);
        Assert.Equal(1, progress.Approved);
        Assert.Equal(3, progress.Total);
    }

    [Fact]
    public void AMissingLastStage_KeepsTheProjectFromHavingCompleted()
    {
        var progress = ProjectProgress.Of([A, A, null]);
        Assert.False(progress.IsComplete);
        Assert.Equal(2, progress.CurrentIndex);
    }

    [Fact]
    public void EveryStageApproved_IsComplete_WithNoCurrentStage()
    {
        var progress = ProjectProgress.Of([A, A, A]);
        Assert.True(progress.IsComplete);
        Assert.Null(progress.CurrentIndex);
        Assert.Equal(100, progress.Percent);
    }

    [Fact]
    public void AnEditionWithoutStages_ShowsZeroPercent()
    {
        var progress = ProjectProgress.Of([]);
        Assert.Equal(0, progress.Percent);
        Assert.Equal(0, progress.Total);
    }

    [Theory]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(5, 10, 50)]
    public void Percent_IsRoundedToTheNearestWhole(int approved, int total, int percent)
    {
        var states = Enumerable.Range(0, total).Select(i => i < approved ? A : (StageState?)StageState.Locked);
        Assert.Equal(percent, ProjectProgress.Of(states).Percent);
    }
}
