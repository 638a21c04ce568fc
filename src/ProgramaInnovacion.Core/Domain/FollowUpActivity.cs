namespace ProgramaInnovacion.Core.Domain;

public enum ActivityStatus
{
    Pending,
    InProgress,
    Done,
    Discarded,
}

public static class ActivityStatusText
{
    public static string Label(this ActivityStatus status) => status switch
    {
        ActivityStatus.Pending => "Pendiente",
        ActivityStatus.InProgress => "En curso",
        ActivityStatus.Done => "Hecha",
        ActivityStatus.Discarded => "Descartada",
        _ => status.ToString(),
    };
}

/// <summary>An activity of the implementation plan of a project under follow-up, with its status and the team's note.</summary>
public class FollowUpActivity
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;

    public int Position { get; set; }

    public required string Name { get; set; }

    public string? Owner { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public ActivityStatus Status { get; set; }

    public string? Note { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public string? UpdatedById { get; set; }

    public AppUser? UpdatedBy { get; set; }
}
