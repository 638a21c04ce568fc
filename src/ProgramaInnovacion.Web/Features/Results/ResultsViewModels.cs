using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Results;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>One indicator of one project with its latest measurement, progress and status.</summary>
public sealed record IndicatorRowViewModel(
    int Id, int ProjectId, int EditionId, string Edition, string Theme, string Municipality, string Name, string Unit,
    IndicatorDirection Direction, decimal? Baseline, string? BaselineText, DateOnly? BaselineDate,
    decimal? Target, string? TargetText, DateOnly? TargetDate, string? Verification,
    decimal? Latest, DateOnly? LatestOn, IReadOnlyList<MeasurementViewModel> Measurements)
{
    public decimal? Progress => Baseline is { } b && Target is { } t && Latest is { } v ? IndicatorProgress.Percent(b, t, v) : null;

    public ResultStatus Status => IndicatorProgress.Status(Baseline, Target, BaselineDate, TargetDate, Latest, LatestOn);

    public string DirectionText => Direction == IndicatorDirection.Down ? "Disminuir" : "Aumentar";

    public static string Number(decimal? value, string? text = null) => value is { } v ? ArgentineNumber.Format(v) : text ?? "—";
}

public sealed record MeasurementViewModel(DateOnly MeasuredOn, decimal Value, string? Note);

public sealed record ActivityViewModel(int Id, string Name, string? Owner, DateOnly? StartsOn, DateOnly? EndsOn, ActivityStatus Status, string? Note);

public sealed record AdoptionViewModel(int Id, int ProjectId, string ProjectMunicipality, string? ProjectTitle, int MunicipalityId, string Municipality, string Province,
    DateOnly AdoptedOn, AdoptionStatus Status, string? Contact, string? Note);

public sealed record PublicationViewModel(string TeamConsent, bool IncludeRecommendations, DateTime PublishedAtUtc);

public sealed record FollowUpViewModel(
    int ProjectId, string Municipality, string? Title, string Edition, bool Started, bool MayReport, bool MayCoordinate,
    IReadOnlyList<IndicatorRowViewModel> Indicators, IReadOnlyList<ActivityViewModel> Activities,
    IReadOnlyList<AdoptionViewModel> Adoptions, PublicationViewModel? Publication,
    IReadOnlyList<(int Id, string Name)> OtherMunicipalities, DateOnly Today)
{
    public ResultStatus Status => IndicatorProgress.Worst(Indicators.Select(i => i.Status));

    /// <summary>The form that came back refused, if any.</summary>
    public FollowUpFormViewModel? Failed { get; init; }

    /// <summary>The refused form when it is this one (its values and errors), else null.</summary>
    public FollowUpFormViewModel? FailedAs(string form, int? itemId = null) => Failed is { } f && f.Form == form && f.ItemId == itemId ? f : null;
}

/// <summary>A follow-up form that came back with errors: which one, what was typed, and each field's Spanish message.</summary>
public sealed record FollowUpFormViewModel(string Form, int? ItemId, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string> Errors, string Message)
{
    public const string Measurement = "medicion";
    public const string Activity = "actividad";
    public const string Adoption = "adopcion";

    public string? Value(string field) => Values.TryGetValue(field, out var value) ? value : null;

    public string? Error(string field) => Errors.TryGetValue(field, out var error) ? error : null;
}

/// <summary>Indicators of one theme and unit across projects: their sums and how many are on track.</summary>
public sealed record IndicatorGroupViewModel(string Theme, string Unit, IReadOnlyList<IndicatorRowViewModel> Rows)
{
    public decimal BaselineSum => Rows.Sum(r => r.Baseline ?? 0);

    public decimal TargetSum => Rows.Sum(r => r.Target ?? 0);

    public decimal LatestSum => Rows.Sum(r => r.Latest ?? 0);

    public int Count(ResultStatus status) => Rows.Count(r => r.Status == status);
}

public sealed record ProjectResultViewModel(int ProjectId, string Edition, string Municipality, string? Title, ResultStatus Status, int Adoptions, bool Published);

public sealed record RollupViewModel(
    string Heading, int? EditionId, IReadOnlyList<(int Id, string Name)> Editions,
    IReadOnlyList<IndicatorGroupViewModel> Groups, IReadOnlyList<ProjectResultViewModel> Projects, IReadOnlyList<AdoptionViewModel> Adoptions)
{
    public IEnumerable<IndicatorRowViewModel> Indicators => Groups.SelectMany(g => g.Rows);

    public int Count(ResultStatus status) => Projects.Count(p => p.Status == status);
}

public sealed record MunicipalityAdoptionsViewModel(string Municipality, string Province, IReadOnlyList<AdoptionViewModel> Adoptions);
