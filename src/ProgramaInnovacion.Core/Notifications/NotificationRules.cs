namespace ProgramaInnovacion.Core.Notifications;

/// <summary>Something that happened in the portal that people should hear about.</summary>
public enum PortalEventKind
{
    Submitted,
    Approved,
    ChangesRequested,
    Reopened,
    CommentByTeam,
    CommentByCoordination,
    StageOpened,
    PanelOpened,
    EvaluationSubmitted,
    PanelPublished,
    RecommendationAnswered,
    NetworkPosted,
    NetworkCommented,
    DeadlineInThreeDays,
    DeadlineToday,
    Overdue,

    /// <summary>A reporting period of the follow-up after the panel is ending and the team has not reported every indicator.</summary>
    FollowUpReportDue,
}

/// <summary>Who hears of an event, resolved to people by the notifier.</summary>
public enum Audience
{
    /// <summary>The coordinators (of the project's edition).</summary>
    Coordinators,

    /// <summary>The members of the project's municipal team.</summary>
    Team,

    /// <summary>People the event names itself: the assigned expert, the post's author.</summary>
    Named,

    /// <summary>Every municipal team member of the edition.</summary>
    EditionTeams,
}

public sealed record NotificationRule(NotificationCategory Category, IReadOnlyList<Audience> Audiences);

/// <summary>
/// The one place that says who is told of what, and under which category their preference is
/// read. The person who caused the event is never told of it (the notifier leaves them out).
/// </summary>
public static class NotificationRules
{
    public static NotificationRule For(PortalEventKind kind) => kind switch
    {
        PortalEventKind.Submitted => new(NotificationCategory.Submissions, [Audience.Coordinators]),
        PortalEventKind.Approved or PortalEventKind.ChangesRequested or PortalEventKind.Reopened or PortalEventKind.StageOpened
            => new(NotificationCategory.Reviews, [Audience.Team]),
        PortalEventKind.CommentByTeam => new(NotificationCategory.Comments, [Audience.Coordinators]),
        PortalEventKind.CommentByCoordination => new(NotificationCategory.Comments, [Audience.Team]),
        PortalEventKind.PanelOpened => new(NotificationCategory.Panel, [Audience.Named]),
        PortalEventKind.EvaluationSubmitted or PortalEventKind.RecommendationAnswered => new(NotificationCategory.Panel, [Audience.Coordinators]),
        PortalEventKind.PanelPublished => new(NotificationCategory.Panel, [Audience.Team]),
        PortalEventKind.NetworkPosted => new(NotificationCategory.Network, [Audience.EditionTeams]),
        PortalEventKind.NetworkCommented => new(NotificationCategory.Network, [Audience.Named]),
        PortalEventKind.DeadlineInThreeDays or PortalEventKind.DeadlineToday or PortalEventKind.Overdue or PortalEventKind.FollowUpReportDue
            => new(NotificationCategory.Reminders, [Audience.Team]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
