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
