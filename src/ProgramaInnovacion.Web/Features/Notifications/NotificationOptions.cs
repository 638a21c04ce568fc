namespace ProgramaInnovacion.Web.Features.Notifications;

/// <summary>Configuration section "Notifications": the delivery worker.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Runs the background worker in this instance; tests switch it off and run one pass at a time.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Seconds between the worker's passes.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>E-mails one pass claims at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before an e-mail is marked failed (the delivery log can resend it).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; it doubles after each one, up to <see cref="MaxRetrySeconds"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long a claimed e-mail belongs to the worker that claimed it (a worker that dies frees it after this).</summary>
    public int ClaimSeconds { get; set; } = 120;

    /// <summary>Argentina hour from which the previous days' digest goes out.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>Months of each reporting period of the follow-up after the panel (quarterly by default); see ReportingSchedule.</summary>
    public int FollowUpPeriodMonths { get; set; } = 3;

    /// <summary>The backoff after <paramref name="attempts"/> failed attempts.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
