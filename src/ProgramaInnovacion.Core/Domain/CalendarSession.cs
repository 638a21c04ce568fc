namespace ProgramaInnovacion.Core.Domain;

public enum SessionKind
{
    Launch,
    Ideation,
    ExpertPanel,
    Other,
}

public static class SessionKindText
{
    public static string Label(this SessionKind kind) => kind switch
    {
        SessionKind.Launch => "Lanzamiento",
        SessionKind.Ideation => "Sesión de ideación",
        SessionKind.ExpertPanel => "Mesa de expertos",
        SessionKind.Other => "Otra",
        _ => kind.ToString(),
    };
}

/// <summary>A session of an edition's calendar (kick-off, ideation with specialists, the panel…).</summary>
public class CalendarSession
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public required string Title { get; set; }

    public SessionKind Kind { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    /// <summary>A place or a meeting link.</summary>
    public string? Location { get; set; }

    public string Description { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The stage the session works on (an ideation session feeds the ideation stage's specialists); of the session's edition.</summary>
    public int? StageDefinitionId { get; set; }

    public StageDefinition? StageDefinition { get; set; }

    /// <summary>The alliance partner that leads the session (AWS, OS City…), shown beside it.</summary>
    public int? LedByOrganizationId { get; set; }

    public AllianceOrganization? LedByOrganization { get; set; }

    /// <summary>When the coordination last recorded attendance; null while nobody has.</summary>
    public DateTime? AttendanceRecordedAtUtc { get; set; }

    /// <summary>The teams (projects) invited to the session.</summary>
    public List<SessionTeam> Teams { get; set; } = [];

    /// <summary>The specialists (mentor accounts) expected at the session.</summary>
    public List<SessionSpecialist> Specialists { get; set; } = [];

    /// <summary>Who actually took part: one row per person present.</summary>
    public List<SessionAttendance> Attendance { get; set; } = [];
}

/// <summary>A team (project) invited to a calendar session.</summary>
public class SessionTeam
{
    public int SessionId { get; set; }

    public CalendarSession Session { get; set; } = null!;

    public int ProjectId { get; set; }

    public Project Project { get; set; } = null!;
}

/// <summary>A specialist expected at a calendar session.</summary>
public class SessionSpecialist
{
    public int SessionId { get; set; }

    public CalendarSession Session { get; set; } = null!;

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;
}

/// <summary>A person present at a session: a team member (with their project) or a specialist (no project).</summary>
public class SessionAttendance
{
    public int SessionId { get; set; }

    public CalendarSession Session { get; set; } = null!;

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    /// <summary>The team the member attended for; null for a specialist.</summary>
    public int? ProjectId { get; set; }

    public Project? Project { get; set; }
}

/// <summary>
/// A user's private calendar-feed token. Only its SHA-256 hash is stored; revoking sets
/// RevokedAtUtc, so a leaked URL stops working.
/// </summary>
public class CalendarFeedToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    /// <summary>Lowercase hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}
