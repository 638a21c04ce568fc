namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// What an assigned mentor may read of a stage: delivered or approved work, and drafts only once
/// the team marks them "lista para recibir comentarios". Never a locked stage, nor a stage without
/// a team form (the expert panel: its evaluations are not theirs to see).
/// </summary>
public static class MentorReading
{
    public static bool MaySee(StageState state, bool hasTeamForm, bool readyForFeedback) =>
        hasTeamForm && state switch
        {
            StageState.Submitted or StageState.Approved => true,
            StageState.Available or StageState.InProgress or StageState.ChangesRequested => readyForFeedback,
            _ => false,
        };
}
