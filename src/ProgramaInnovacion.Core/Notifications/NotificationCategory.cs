namespace ProgramaInnovacion.Core.Notifications;

/// <summary>What a person chooses how to receive (immediately, in a daily digest, or not at all).</summary>
public enum NotificationCategory
{
    Submissions,
    Reviews,
    Comments,
    Panel,
    Network,
    Reminders,

    /// <summary>Invitations and password resets: always sent at once, never switched off.</summary>
    Account,

    /// <summary>A daily digest (its notices keep their own categories).</summary>
    Digest,
}

public enum EmailDelivery
{
    Immediately,
    DailyDigest,
    Off,
}

public static class NotificationCategories
{
    /// <summary>The categories a person can choose for, in the order the preferences page shows them.</summary>
    public static readonly IReadOnlyList<NotificationCategory> Choosable =
        [NotificationCategory.Submissions, NotificationCategory.Reviews, NotificationCategory.Comments, NotificationCategory.Panel, NotificationCategory.Network, NotificationCategory.Reminders];

    public static string Name(NotificationCategory category) => category switch
    {
        NotificationCategory.Submissions => "Entregas de los equipos",
        NotificationCategory.Reviews => "Revisiones y etapas habilitadas",
        NotificationCategory.Comments => "Comentarios en las entregas",
        NotificationCategory.Panel => "Mesa de expertos",
        NotificationCategory.Network => "Red de aprendizaje",
        NotificationCategory.Reminders => "Recordatorios de vencimientos",
        NotificationCategory.Digest => "Resumen diario",
        _ => "Cuenta",
    };

    public static string DeliveryName(EmailDelivery delivery) => delivery switch
    {
        EmailDelivery.Immediately => "En el momento",
        EmailDelivery.DailyDigest => "Resumen diario",
        _ => "No recibir correos",
    };

    /// <summary>The learning network is chatty: by default it arrives as a daily digest; everything else at once.</summary>
    public static EmailDelivery DefaultDelivery(NotificationCategory category) => category switch
    {
        NotificationCategory.Network => EmailDelivery.DailyDigest,
        _ => EmailDelivery.Immediately,
    };
}
