namespace ProgramaInnovacion.Core.Domain;

/// <summary>
/// A project stage against its due date — the one place that says what "vencida" and "entregada
/// con atraso" mean, so the team's home, the stage pages, the review queue and the dashboard agree.
/// </summary>
public static class StageDeadline
{
    /// <summary>
    /// True when the team has something to hand in for the stage now: it has a team form and is
    /// available, in progress or sent back with changes requested.
    /// </summary>
    public static bool TeamCanAct(StageState state, bool hasTeamForm) =>
        hasTeamForm && StageWorkflow.IsEditableByTeam(state);

    /// <summary>
    /// Overdue: past due while the team can still act on it (<see cref="TeamCanAct"/>). A locked
    /// stage is never overdue — the team cannot start it —, nor is the expert panel, which has no
    /// team form; a submitted or approved one is not either: its lateness is the submission's
    /// (<see cref="DaysLate"/>).
    /// </summary>
    public static bool IsOverdue(StageState state, bool hasTeamForm, DateTime? dueAtUtc, DateTime nowUtc) =>
        dueAtUtc is { } due && nowUtc > due && TeamCanAct(state, hasTeamForm);

    /// <summary>How far ahead "vence esta semana" looks on the coordination dashboard.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// Due within <see cref="DueSoonWindow"/> and not yet overdue, while the team can still act on
    /// it (<see cref="TeamCanAct"/>): what a coordinator may want to remind a team of this week.
    /// </summary>
    public static bool IsDueSoon(StageState state, bool hasTeamForm, DateTime? dueAtUtc, DateTime nowUtc) =>
        dueAtUtc is { } due && nowUtc <= due && due - nowUtc <= DueSoonWindow && TeamCanAct(state, hasTeamForm);

    /// <summary>
    /// Whole days a submission came after the due date, rounded up so that a submission one minute
    /// late counts as one day; 0 when on time or when the stage has no due date or no submission.
    /// </summary>
    public static int DaysLate(DateTime? dueAtUtc, DateTime? submittedAtUtc) =>
        dueAtUtc is { } due && submittedAtUtc is { } submitted && submitted > due
            ? (int)Math.Ceiling((submitted - due).TotalDays)
            : 0;

    /// <summary>
    /// Days late of the stage's latest submission, for the states in which a submission stands
    /// (submitted or approved); 0 otherwise.
    /// </summary>
    public static int SubmissionDaysLate(StageState state, DateTime? dueAtUtc, DateTime? submittedAtUtc) =>
        state is StageState.Submitted or StageState.Approved ? DaysLate(dueAtUtc, submittedAtUtc) : 0;
}
