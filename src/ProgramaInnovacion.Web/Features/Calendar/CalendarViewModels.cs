using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Calendar;

public sealed record SessionRow(int Id, string Title, SessionKind Kind, DateTime StartsAtUtc, DateTime EndsAtUtc, string? Location, string Description, string Edition)
{
    /// <summary>The alliance partner that leads it (AWS, OS City…), if any.</summary>
    public string? LedBy { get; init; }

    public string? Stage { get; init; }

    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>"Name (Organisation)" of each specialist expected.</summary>
    public IReadOnlyList<string> Specialists { get; init; } = [];

    public bool AttendanceRecorded { get; init; }
}

public sealed record CalendarListViewModel(IReadOnlyList<SessionRow> Upcoming, IReadOnlyList<SessionRow> Past, bool CanManage);

/// <summary>A stage's due date as a calendar shows it; ProjectId is the team's own project (null for coordinators).</summary>
public sealed record DueDateRow(int StageDefinitionId, int Order, string StageKey, string StageName, DateTime DueAtUtc, int EditionId, string Edition, int? ProjectId)
{
    public string Title => $"Vence «{StageName}»";

    /// <summary>The team's stage page, or the edition's deadlines page for coordinators.</summary>
    public string Url => ProjectId is { } project ? Stages.StageUrls.Stage(project, StageKey) : $"/coordinacion/vencimientos?edicion={EditionId}";
}

public sealed record MonthDay(DateOnly Date, bool InMonth, IReadOnlyList<SessionRow> Sessions)
{
    public IReadOnlyList<DueDateRow> DueDates { get; init; } = [];
}

/// <param name="Title">"septiembre de 2021", lower case as Spanish writes it inside a sentence.</param>
public sealed record CalendarMonthViewModel(int Year, int Month, string Title, IReadOnlyList<IReadOnlyList<MonthDay>> Weeks, string PreviousMonth, string NextMonth, bool CanManage)
{
    /// <summary>"Septiembre de 2021" for the heading, which starts with the month.</summary>
    public string Heading => string.Concat(Title[..1].ToUpper(System.Globalization.CultureInfo.GetCultureInfo("es-AR")), Title[1..]);
}

/// <summary>A session as typed by a coordinator: date and times in Argentina time.</summary>
public sealed class SessionForm
{
    [Display(Name = "Edición")]
    [Required(ErrorMessage = "Elegí la edición.")]
    public int? EditionId { get; set; }

    [Display(Name = "Título")]
    [Required(ErrorMessage = "Escribí el título de la sesión.")]
    [StringLength(200, ErrorMessage = "El título puede tener hasta 200 caracteres.")]
    public string? Title { get; set; }

    [Display(Name = "Tipo")]
    [Required(ErrorMessage = "Elegí el tipo de sesión.")]
    public SessionKind? Kind { get; set; }

    [Display(Name = "Fecha")]
    [Required(ErrorMessage = "Indicá la fecha.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Hora de inicio (hora argentina)")]
    [Required(ErrorMessage = "Indicá la hora de inicio.")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Hora de fin (hora argentina)")]
    [Required(ErrorMessage = "Indicá la hora de fin.")]
    public TimeOnly? EndTime { get; set; }

    [Display(Name = "Lugar o enlace")]
    [StringLength(500, ErrorMessage = "El lugar puede tener hasta 500 caracteres.")]
    public string? Location { get; set; }

    [Display(Name = "Descripción")]
    [StringLength(5000, ErrorMessage = "La descripción puede tener hasta 5.000 caracteres.")]
    public string? Description { get; set; }

    [Display(Name = "Etapa")]
    public int? StageDefinitionId { get; set; }

    [Display(Name = "Organización que la lleva adelante")]
    public int? LedByOrganizationId { get; set; }

    [Display(Name = "Equipos")]
    public List<int> ProjectIds { get; set; } = [];

    [Display(Name = "Especialistas")]
    public List<string> SpecialistIds { get; set; } = [];
}

/// <summary>An option of a session form list that belongs to one edition (a team, a stage).</summary>
public sealed record EditionScopedChoice(int Id, string Name, int EditionId, string Edition);

public sealed record SpecialistChoice(string Id, string Name);

public sealed record EditionChoice(int Id, string Name);

public sealed class SessionFormViewModel
{
    public int? SessionId { get; init; }

    public required SessionForm Form { get; init; }

    public required IReadOnlyList<EditionChoice> Editions { get; init; }

    public IReadOnlyList<EditionScopedChoice> Teams { get; init; } = [];

    public IReadOnlyList<EditionScopedChoice> Stages { get; init; } = [];

    public IReadOnlyList<EditionChoice> Organizations { get; init; } = [];

    public IReadOnlyList<SpecialistChoice> Specialists { get; init; } = [];
}

public sealed record AttendeeViewModel(string UserId, string Name, bool Present);

public sealed record AttendanceTeamViewModel(int ProjectId, string Municipality, IReadOnlyList<AttendeeViewModel> Members);

/// <summary>The coordination's attendance sheet of one session: each invited team's members and each specialist.</summary>
public sealed record AttendanceViewModel(SessionRow Session, IReadOnlyList<AttendanceTeamViewModel> Teams, IReadOnlyList<AttendeeViewModel> Specialists, bool FeedsIdeation);

/// <summary>The subscription page: the feed URL is shown only right after it is created.</summary>
public sealed record SubscriptionViewModel(bool HasActiveToken, DateTime? CreatedAtUtc, string? NewFeedUrl)
{
    /// <summary>The same feed as webcal://, which opens the subscription in the person's calendar app.</summary>
    public string? WebcalUrl => NewFeedUrl is null ? null : "webcal://" + NewFeedUrl[(NewFeedUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
}
