using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Network;

/// <summary>Feed filters from the query string.</summary>
public sealed class FeedFilter
{
    /// <summary>aprendizaje, oportunidad or problematica.</summary>
    public string? Tipo { get; set; }

    public int? Etapa { get; set; }

    public int? Municipio { get; set; }

    public int Pagina { get; set; } = 1;
}

public sealed record FilterOption(int Id, string Name);

public sealed record PostSummary(int Id, string Title, PostKind Kind, string? Stage, string Author, string? Municipality, DateTime CreatedAtUtc, bool IsPinned, bool IsHidden, int CommentCount);

public sealed record FeedViewModel(Participant Participant, FeedFilter Filter, IReadOnlyList<PostSummary> Posts, int Total, int Page, int PageCount, IReadOnlyList<FilterOption> Stages, IReadOnlyList<FilterOption> Municipalities);

public sealed record CommentView(string Author, string? Municipality, string BodyMarkdown, DateTime CreatedAtUtc);

public sealed record PostDetails(
    int Id,
    string Title,
    PostKind Kind,
    string? Stage,
    string Author,
    string? Municipality,
    string BodyMarkdown,
    DateTime CreatedAtUtc,
    DateTime? EditedAtUtc,
    bool IsPinned,
    bool IsHidden,
    bool CanEdit,
    bool CanModerate,
    IReadOnlyList<CommentView> Comments);

/// <summary>A post as typed in the form (create and edit).</summary>
public sealed class PostForm
{
    [Display(Name = "Tipo")]
    [Required(ErrorMessage = "Elegí el tipo de publicación.")]
    public PostKind? Kind { get; set; }

    [Display(Name = "Etapa relacionada")]
    public int? StageDefinitionId { get; set; }

    [Display(Name = "Título")]
    [Required(ErrorMessage = "Escribí un título.")]
    [StringLength(200, ErrorMessage = "El título puede tener hasta 200 caracteres.")]
    public string? Title { get; set; }

    [Display(Name = "Texto")]
    [Required(ErrorMessage = "Escribí el texto de la publicación.")]
    [StringLength(10000, ErrorMessage = "El texto puede tener hasta 10.000 caracteres.")]
    public string? Body { get; set; }
}

public sealed class PostFormViewModel
{
    public int? PostId { get; init; }

    public required PostForm Form { get; init; }

    public required IReadOnlyList<FilterOption> Stages { get; init; }
}

public sealed class CommentForm
{
    [Display(Name = "Tu comentario")]
    [Required(ErrorMessage = "Escribí el comentario.")]
    [StringLength(5000, ErrorMessage = "El comentario puede tener hasta 5.000 caracteres.")]
    public string? Body { get; set; }
}

public sealed class PostViewModel
{
    public required PostDetails Post { get; init; }

    public CommentForm Comment { get; init; } = new();
}
