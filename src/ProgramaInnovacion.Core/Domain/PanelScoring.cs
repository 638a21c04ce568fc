namespace ProgramaInnovacion.Core.Domain;

/// <summary>One criterion's weight and the scores the experts gave it (submitted evaluations only).</summary>
public sealed record CriterionScores(int CriterionId, int Weight, IReadOnlyList<int> Scores);

/// <summary>How far apart the experts are on one criterion.</summary>
public sealed record CriterionSpread(int CriterionId, double? Average, int Spread, bool LargeDisagreement);

/// <summary>A project's place in the ranking; projects without submitted evaluations come last, unranked.</summary>
public sealed record RankedProject(int ProjectId, double? WeightedAverage, int? Rank);

/// <summary>
/// The panel's arithmetic (its rules and the blind rule are PanelWorkflow's), pure so it is unit-tested: weighted averages,
/// the spread between experts per criterion, and the ranking across projects.
/// </summary>
public static class PanelScoring
{
    /// <summary>A spread (highest minus lowest score) of this many points or more is flagged as a disagreement.</summary>
    public const int LargeDisagreementSpread = 2;

    /// <summary>Σ(weight × score) / Σ weight over the scored criteria; null when nothing is scored.</summary>
    public static double? WeightedAverage(IEnumerable<(int Weight, double? Score)> scores)
    {
        double total = 0, weights = 0;
        foreach (var (weight, score) in scores)
        {
            if (score is { } value && weight > 0)
            {
                total += weight * value;
                weights += weight;
            }
        }

        return weights == 0 ? null : Math.Round(total / weights, 2);
    }

    /// <summary>
    /// A project's result: the weighted average of each criterion's mean score across the experts,
    /// so a criterion counts by its weight however many experts scored it.
    /// </summary>
    public static double? ProjectAverage(IEnumerable<CriterionScores> criteria) =>
        WeightedAverage(criteria.Select(c => (c.Weight, c.Scores.Count == 0 ? (double?)null : c.Scores.Average())));

    public static CriterionSpread Spread(CriterionScores criterion)
    {
        if (criterion.Scores.Count == 0)
        {
            return new CriterionSpread(criterion.CriterionId, null, 0, false);
        }

        var spread = criterion.Scores.Max() - criterion.Scores.Min();
        return new CriterionSpread(criterion.CriterionId, Math.Round(criterion.Scores.Average(), 2), spread, spread >= LargeDisagreementSpread);
    }

    /// <summary>Highest average first; equal averages share a rank (1, 2, 2, 4); unscored projects last without rank.</summary>
    public static IReadOnlyList<RankedProject> Rank(IEnumerable<(int ProjectId, double? WeightedAverage)> projects)
    {
        var ordered = projects
            .OrderByDescending(p => p.WeightedAverage.HasValue)
            .ThenByDescending(p => p.WeightedAverage ?? 0)
            .ThenBy(p => p.ProjectId)
            .ToList();
        var ranked = new List<RankedProject>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (id, average) = ordered[i];
            int? rank = average is null ? null
                : i > 0 && ordered[i - 1].WeightedAverage == average ? ranked[i - 1].Rank
                : i + 1;
            ranked.Add(new RankedProject(id, average, rank));
        }

        return ranked;
    }
}
