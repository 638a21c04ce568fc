using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Panel;

public class PanelScoringTests
{
    [Fact]
    public void WeightedAverage_WeighsEachScoreByItsCriterion()
    {
        // (20×5 + 20×3 + 15×4 + 15×2 + 15×5 + 15×1) / 100 = 3.4
        var average = PanelScoring.WeightedAverage([(20, 5), (20, 3), (15, 4), (15, 2), (15, 5), (15, 1)]);
        Assert.Equal(3.4, average);
    }

    [Fact]
    public void WeightedAverage_IgnoresUnscoredCriteria_AndIsNullWhenNothingIsScored()
    {
        Assert.Equal(4.0, PanelScoring.WeightedAverage([(10, 4), (30, null)]));
        Assert.Null(PanelScoring.WeightedAverage([(10, null), (30, null)]));
        Assert.Null(PanelScoring.WeightedAverage([]));
    }

    [Fact]
    public void ProjectAverage_WeighsTheMeanOfEachCriterionAcrossExperts()
    {
        // Criterion A (weight 3): experts gave 4 and 2 → 3. Criterion B (weight 1): 5 → 5. (3×3 + 1×5) / 4 = 3.5
        var average = PanelScoring.ProjectAverage([new CriterionScores(1, 3, [4, 2]), new CriterionScores(2, 1, [5])]);
        Assert.Equal(3.5, average);
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, 1, false)]
    [InlineData(new[] { 2, 4 }, 2, true)]
    [InlineData(new[] { 1, 3, 5 }, 4, true)]
    [InlineData(new[] { 4 }, 0, false)]
    public void Spread_IsHighestMinusLowest_AndFlagsTwoPointsOrMore(int[] scores, int spread, bool flagged)
    {
        var result = PanelScoring.Spread(new CriterionScores(7, 10, scores));
        Assert.Equal(spread, result.Spread);
        Assert.Equal(flagged, result.LargeDisagreement);
        Assert.Equal(Math.Round(scores.Average(), 2), result.Average);
    }

    [Fact]
    public void Spread_WithoutScores_HasNoAverageAndNoFlag()
    {
        var result = PanelScoring.Spread(new CriterionScores(7, 10, []));
        Assert.Null(result.Average);
        Assert.False(result.LargeDisagreement);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(EvaluationStatus.Draft, false)]
    [InlineData(EvaluationStatus.Submitted, true)]
    public void BlindRule_OthersAreVisibleOnlyOnceOwnEvaluationIsSubmitted(EvaluationStatus? own, bool visible) =>
        Assert.Equal(visible, PanelWorkflow.MaySee(PanelView.Evaluations, new PanelSituation(PanelPhase.Open, PanelWorkflow.State(ConflictDeclaration.NoConflict, own), true), PanelActor.AssignedExpert));

    [Fact]
    public void Rank_OrdersByAverage_SharesTies_AndLeavesUnscoredLastWithoutRank()
    {
        var ranking = PanelScoring.Rank([(1, 3.5), (2, null), (3, 4.2), (4, 3.5), (5, 2.0)]);
        Assert.Equal([3, 1, 4, 5, 2], ranking.Select(r => r.ProjectId));
        Assert.Equal([1, 2, 2, 4, null], ranking.Select(r => r.Rank));
    }
}
