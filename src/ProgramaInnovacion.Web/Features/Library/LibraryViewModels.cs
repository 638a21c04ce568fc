using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;

namespace ProgramaInnovacion.Web.Features.Library;

/// <summary>The library's search form (query string), bound from GET.</summary>
public sealed class CaseSearchQuery
{
    /// <summary>Words to look for; accents and case do not matter.</summary>
    public string? Q { get; set; }

    public MunicipalityCategory? Categoria { get; set; }

    public CaseSource? Origen { get; set; }

    public int? Edicion { get; set; }

    public int Pagina { get; set; } = 1;
}

/// <param name="Excerpt">The matched words in context (null without words); the view encodes every segment.</param>
public sealed record CaseResult(int Id, string Title, string Summary, CaseSource Source, string Municipality, MunicipalityCategory Category, string Edition, double Score, IReadOnlyList<SnippetSegment>? Excerpt);

public sealed record EditionOption(int Id, string Name);

public sealed record CaseSearchViewModel(
    CaseSearchQuery Query,
    IReadOnlyList<CaseResult> Results,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<EditionOption> Editions,
    string? Notice);

/// <summary>Whether (and where) the signed-in user can copy a case into their case-study table.</summary>
public sealed record CaseStudyTarget(int? ProjectId, bool CanAdd, string? Reason);

public sealed record CaseDetails(
    int Id,
    string Title,
    string Summary,
    string Body,
    CaseSource Source,
    string Municipality,
    MunicipalityCategory Category,
    string Edition,
    string City,
    string Country,
    string Description,
    string Results,
    string Lessons,
    string? SourceUrl,
    CaseStudyTarget Target);
