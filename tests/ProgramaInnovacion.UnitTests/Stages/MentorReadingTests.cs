using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Stages;

public class MentorReadingTests
{
    [Theory]
    [InlineData(StageState.Locked, false, false)]
    [InlineData(StageState.Locked, true, false)]
    [InlineData(StageState.Available, false, false)]
    [InlineData(StageState.Available, true, true)]
    [InlineData(StageState.InProgress, false, false)]
    [InlineData(StageState.InProgress, true, true)]
    [InlineData(StageState.ChangesRequested, false, false)]
    [InlineData(StageState.ChangesRequested, true, true)]
    [InlineData(StageState.Submitted, false, true)]
    [InlineData(StageState.Approved, false, true)]
    public void Mentor_SeesDeliveredWork_AndDraftsOnlyWhenShared(StageState state, bool readyForFeedback, bool expected) =>
        Assert.Equal(expected, MentorReading.MaySee(state, hasTeamForm: true, readyForFeedback));

    [Theory]
    [InlineData(StageState.Available)]
    [InlineData(StageState.Submitted)]
    [InlineData(StageState.Approved)]
    public void Mentor_NeverSeesAStageWithoutATeamForm_TheExpertPanel(StageState state) =>
        Assert.False(MentorReading.MaySee(state, hasTeamForm: false, readyForFeedback: true));
}
