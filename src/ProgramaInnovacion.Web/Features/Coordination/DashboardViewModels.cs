using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Coordination;

public sealed record EditionOption(int Id, string Name);

public sealed record StageColumn(int Id, int Order, string Key, string Name, DateTime? DueAtUtc, int ProjectsHere);

/// <summary>One project's stage in the matrix.</summary>
public sealed record MatrixCell(string StageKey, string StageName, StageState State, int DaysInState, bool IsOverdue, bool IsCurrent)
{
    /// <summary>Due within the week and the team can still hand it in (<see cref="StageDeadline.IsDueSoon"/>).</summary>
    public bool IsDueSoon { get; init; }
}

/// <summary>One project's row: a cell per stage of the edition and where the project stands (<see cref="ProjectProgress"/>).</summary>
public sealed record MatrixRow(int ProjectId, string Municipality, string Province, string? Title, IReadOnlyList<MatrixCell> Cells, ProjectProgress Progress)
{
    public int Approved => Progress.Approved;

    public int Total => Progress.Total;

    public int Percent => Progress.Percent;
}

/// <summary>An edition's progress matrix and what is derived from its rows (dashboard and exports).</summary>
/// <param name="Stages">The edition's stages in order, with how many projects are at each.</param>
public sealed record ProgressMatrix(IReadOnlyList<StageColumn> Stages, IReadOnlyList<MatrixRow> Rows, int CompletedProjects,
    IReadOnlyList<DeadlineItem> Overdue, IReadOnlyList<QueueItem> Queue)
{
    /// <summary>Stages due within the week that the team can still hand in (<see cref="StageDeadline.IsDueSoon"/>), soonest first.</summary>
    public IReadOnlyList<DeadlineItem> DueSoon { get; init; } = [];
}

/// <summary>A project's stage against its due date: overdue, or due this week.</summary>
public sealed record DeadlineItem(int ProjectId, string Municipality, string StageKey, string StageName, StageState State, DateTime DueAtUtc);

public sealed record QueueItem(int ProjectId, string Municipality, string StageKey, string StageName, DateTime SubmittedAtUtc, int DaysWaiting)
{
    public DateTime? DueAtUtc { get; init; }
}

public sealed record ActivityItem(int ProjectId, string Municipality, string StageName, StageAction Action, string? Actor, DateTime OccurredAtUtc);

public sealed record WeekPoint(DateTime WeekStartUtc, int ApprovedThisWeek, int Cumulative);

public sealed record DashboardViewModel(
    IReadOnlyList<EditionOption> Editions,
    EditionOption? Edition,
    IReadOnlyList<StageColumn> Stages,
    IReadOnlyList<MatrixRow> Rows,
    int CompletedProjects,
    IReadOnlyList<DeadlineItem> Overdue,
    IReadOnlyList<QueueItem> Queue,
    IReadOnlyList<ActivityItem> Activity,
    ProgressChart Chart)
{
    public IReadOnlyList<DeadlineItem> DueSoon { get; init; } = [];

    /// <summary>The rows of the matrix shown (all of them in a small edition; a filtered page in a large one).</summary>
    public MatrixPageViewModel? Matrix { get; init; }

    /// <summary>
    /// The snapshot this dashboard was read from (<see cref="DashboardSnapshot.Serial"/>): the view
    /// keeps its rendered sections under it, so a new snapshot — any change of stage, deadline or
    /// day — renders them again.
    /// </summary>
    public long Serial { get; init; }

    /// <summary>
    /// How many items a dashboard list shows; the rest are a link to the full list (the review queue,
    /// the matrix filtered by due date), so an edition of 500 projects renders a page as small as one of 5.
    /// </summary>
    public const int ListPreview = 5;
}

public static class StageActionText
{
    /// <summary>What happened, as the activity list reads: "Bariloche — Entregó «Prototipo»".</summary>
    public static string Label(this StageAction action) => action switch
    {
        StageAction.Open => "Se habilitó",
        StageAction.SaveDraft => "Guardó un borrador de",
        StageAction.Submit => "Entregó",
        StageAction.Approve => "Aprobó",
        StageAction.RequestChanges => "Solicitó cambios en",
        StageAction.Unlock => "Desbloqueó",
        StageAction.Reopen => "Reabrió",
        StageAction.Close => "Cerró",
        _ => action.ToString(),
    };
}
