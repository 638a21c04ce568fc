using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Survey;

public class CampaignForm
{
    [Required(ErrorMessage = "Escribí el nombre del relevamiento.")]
    [StringLength(200, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Indicá cuándo abre el relevamiento.")]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Indicá cuándo cierra el relevamiento.")]
    public DateTime? ClosesAt { get; set; }
}

public sealed record QuestionView(int Id, string Text);

public sealed record DimensionView(int Id, string Name, IReadOnlyList<QuestionView> Questions);

/// <param name="Token">The municipality's private link token.</param>
public sealed record SurveyLinkRow(int MunicipalityId, string Municipality, string Province, MunicipalityCategory Category, string Link, DateTime? SubmittedAtUtc, MaturityLevel? Level, double? Overall);

public sealed record LevelCount(MaturityLevel Level, int Count);

public sealed record CampaignAdminViewModel(int EditionId, string EditionName, EditionPhase Phase, int? CampaignId, CampaignForm Form, DateTime? ClosesAtUtc, bool IsOpen,
    IReadOnlyList<DimensionView> Dimensions, IReadOnlyList<SurveyLinkRow> Municipalities, IReadOnlyList<LevelCount> Distribution,
    IReadOnlyList<string> Provinces, string? Province, MunicipalityCategory? Category)
{
    /// <summary>The page of <see cref="Municipalities"/> shown (links are made for that page only); null when the campaign does not exist yet.</summary>
    public Infrastructure.Pager? Pager { get; init; }

    /// <summary>Municipalities under the filters without a submitted response (all pages).</summary>
    public int NotSubmitted { get; init; }
}

public sealed record SurveyResultViewModel(int EditionId, string Campaign, string Municipality, string Province, MunicipalityCategory Category, RadarChart Radar, double? Overall, MaturityLevel? Level);

/// <param name="Answers">Question id → 0–4.</param>
public sealed record SurveyAnswerViewModel(string Token, string Campaign, string Municipality, DateTime ClosesAtUtc, bool Editable, string? LockedReason, DateTime? SubmittedAtUtc,
    IReadOnlyList<DimensionView> Dimensions, IReadOnlyDictionary<int, int> Answers, SurveyResultViewModel? Result);
