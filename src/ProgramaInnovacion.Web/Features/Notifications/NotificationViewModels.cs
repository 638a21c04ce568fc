using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Notifications;

namespace ProgramaInnovacion.Web.Features.Notifications;

public sealed record NotificationRowViewModel(int Id, string Title, string Body, string LinkPath, string CategoryName, DateTime CreatedAtUtc, bool IsRead);

public sealed record NotificationListViewModel(IReadOnlyList<NotificationRowViewModel> Rows, int UnreadCount, int TotalCount);

public sealed class PreferenceRowViewModel
{
    [Display(Name = "Tema")]
    public NotificationCategory Category { get; set; }

    [Display(Name = "Correos")]
    public EmailDelivery Delivery { get; set; }

    [Display(Name = "Tema")]
    public string CategoryName => NotificationCategories.Name(Category);
}

public sealed class PreferencesViewModel
{
    [Display(Name = "Preferencias")]
    public List<PreferenceRowViewModel> Rows { get; set; } = [];
}

public sealed record UnsubscribeViewModel(string Token, string CategoryName, bool Done);

public sealed record DeliveryRowViewModel(int Id, string To, string Subject, string CategoryName, DateTime CreatedAtUtc, EmailStatus Status, int Attempts, DateTime? SentAtUtc, DateTime? NextAttemptAtUtc, string? LastError)
{
    public string StatusText => Status switch
    {
        EmailStatus.Sent => "Enviado",
        EmailStatus.Failed => "No se pudo enviar",
        _ => Attempts == 0 ? "En cola" : "Reintentando",
    };
}

public sealed record DeliveryLogViewModel(int ProjectId, string ProjectName, IReadOnlyList<DeliveryRowViewModel> Rows);
