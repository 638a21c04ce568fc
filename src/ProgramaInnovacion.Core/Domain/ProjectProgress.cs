namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// Where a project stands, for every page and export that shows it: how many of the edition's
/// stages are approved, and the current stage — the first one, in stage order, not yet approved.
/// A stage the project has no row for counts as Locked (as a stage added to the template starts),
/// so it is not approved, can be the current stage, and keeps the project from having completed.
/// </summary>
public sealed record ProjectProgress(int Approved, int Total, int? CurrentIndex)
{
    /// <param name="statesInStageOrder">One state per stage of the edition, in order; null where the project has no row.</param>
    public static ProjectProgress Of(IEnumerable<StageState?> statesInStageOrder)
    {
        var states = statesInStageOrder.Select(s => s ?? StageState.Locked).ToList();
        var current = states.FindIndex(s => s != StageState.Approved);
        return new ProjectProgress(states.Count(s => s == StageState.Approved), states.Count, current < 0 ? null : current);
    }

    /// <summary>Every stage approved: the project completed the program.</summary>
    public bool IsComplete => CurrentIndex is null;

    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Approved / Total);
}
