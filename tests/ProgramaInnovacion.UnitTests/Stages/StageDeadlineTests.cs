using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Stages;

public class StageDeadlineTests
{
    private static readonly DateTime Now = new(2021, 11, 15, 14, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(StageState.Available, true)]
    [InlineData(StageState.InProgress, true)]
    [InlineData(StageState.ChangesRequested, true)]
    [InlineData(StageState.Locked, false)]
    [InlineData(StageState.Submitted, false)]
    [InlineData(StageState.Approved, false)]
    public void IsOverdue_OnlyPastDueStagesTheTeamCanActOn(StageState state, bool overdue)
    {
        Assert.Equal(overdue, StageDeadline.IsOverdue(state, hasTeamForm: true, Now.AddMinutes(-1), Now));
        Assert.False(StageDeadline.IsOverdue(state, hasTeamForm: true, Now.AddMinutes(1), Now));
        Assert.False(StageDeadline.IsOverdue(state, hasTeamForm: true, null, Now));
    }

    [Theory]
    [InlineData(StageState.Available)]
    [InlineData(StageState.InProgress)]
    [InlineData(StageState.Submitted)]
    public void IsOverdue_NeverForAStageWithoutTeamForm(StageState state)
    {
        Assert.False(StageDeadline.IsOverdue(state, hasTeamForm: false, Now.AddDays(-5), Now));
    }

    [Theory]
    [InlineData(StageState.Available, 0, true)]
    [InlineData(StageState.InProgress, 7 * 24 * 60, true)]
    [InlineData(StageState.ChangesRequested, 2 * 24 * 60, true)]
    [InlineData(StageState.InProgress, 7 * 24 * 60 + 1, false)]
    [InlineData(StageState.InProgress, -1, false)]
    [InlineData(StageState.Submitted, 60, false)]
    [InlineData(StageState.Approved, 60, false)]
    [InlineData(StageState.Locked, 60, false)]
    public void IsDueSoon_WithinAWeekAndNotYetOverdue_WhileTheTeamCanAct(StageState state, int minutesToDue, bool dueSoon)
    {
        Assert.Equal(dueSoon, StageDeadline.IsDueSoon(state, hasTeamForm: true, Now.AddMinutes(minutesToDue), Now));
        Assert.False(StageDeadline.IsDueSoon(state, hasTeamForm: false, Now.AddMinutes(minutesToDue), Now));
        Assert.False(StageDeadline.IsDueSoon(state, hasTeamForm: true, null, Now));
    }

    [Theory]
    [InlineData(-60, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(24 * 60, 1)]
    [InlineData(24 * 60 + 1, 2)]
    [InlineData(10 * 24 * 60, 10)]
    public void DaysLate_RoundsAnyLatenessUpToWholeDays(int minutesAfterDue, int days)
    {
        Assert.Equal(days, StageDeadline.DaysLate(Now, Now.AddMinutes(minutesAfterDue)));
    }

    [Fact]
    public void DaysLate_IsZeroWithoutADueDateOrASubmission()
    {
        Assert.Equal(0, StageDeadline.DaysLate(null, Now));
        Assert.Equal(0, StageDeadline.DaysLate(Now, null));
    }

    [Theory]
    [InlineData(StageState.Submitted, 3)]
    [InlineData(StageState.Approved, 3)]
    [InlineData(StageState.ChangesRequested, 0)]
    [InlineData(StageState.InProgress, 0)]
    [InlineData(StageState.Available, 0)]
    [InlineData(StageState.Locked, 0)]
    public void SubmissionDaysLate_CountsOnlyWhileASubmissionStands(StageState state, int days)
    {
        Assert.Equal(days, StageDeadline.SubmissionDaysLate(state, Now, Now.AddDays(3)));
    }
}
