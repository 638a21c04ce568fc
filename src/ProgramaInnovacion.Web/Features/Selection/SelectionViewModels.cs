using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Selection;

public sealed record CriterionView(int Id, string Name, string Description);

/// <param name="Averages">Mean score per criterion (same order as the criteria), null when nobody scored it.</param>
public sealed record SelectionRow(int ApplicationId, string Municipality, string Province, MunicipalityCategory Category, int? Population, MaturityLevel? Level,
    IReadOnlyList<double?> Averages, double? Total, int Scorers, bool ScoredByMe, SelectionDecision Decision, string? Justification);

public sealed record SelectionViewModel(int EditionId, string EditionName, EditionPhase Phase, IReadOnlyList<CriterionView> Criteria, IReadOnlyList<SelectionRow> Rows,
    IReadOnlyList<MatrixCell> Matrix, DateTime? ConfirmedAtUtc)
{
    public int Selected => Rows.Count(r => r.Decision == SelectionDecision.Selected);

    /// <summary>What the criteria box shows: the text just typed when it was refused, else the saved criteria.</summary>
    public string CriteriaText => CriteriaDraft ?? string.Join("\n", Criteria.Select(c => c.Description.Length > 0 ? $"{c.Name}: {c.Description}" : c.Name));

    /// <summary>The criteria as typed, when they were refused (shown again with the error, nothing lost).</summary>
    public string? CriteriaDraft { get; init; }
}

public sealed record ScoreLine(string Coordinator, IReadOnlyList<int?> Scores);

public sealed record ApplicationReviewViewModel(int EditionId, string EditionName, SelectionRow Row, string ContactName, string ContactEmail, string Challenge, string Motivation,
    IReadOnlyList<(string Name, string Email)> Members, string? LetterFileName, DateTime SubmittedAtUtc, IReadOnlyList<CriterionView> Criteria,
    IReadOnlyDictionary<int, int> MyScores, IReadOnlyList<ScoreLine> AllScores, bool Confirmed)
{
    /// <summary>The justification as typed, when the decision was refused (shown again with the error, nothing lost).</summary>
    public string? JustificationDraft { get; init; }
}
