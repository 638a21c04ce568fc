namespace ProgramaInnovacion.Core.Domain;

/// <summary>What a post in the learning network shares.</summary>
public enum PostKind
{
    Learning,
    Opportunity,
    Problem,
}

public static class PostKindText
{
    public static string Label(this PostKind kind) => kind switch
    {
        PostKind.Learning => "Aprendizaje",
        PostKind.Opportunity => "Oportunidad",
        PostKind.Problem => "Problemática",
        _ => kind.ToString(),
    };

    /// <summary>URL value of the kind filter (Spanish, ASCII).</summary>
    public static string Slug(this PostKind kind) => kind switch
    {
        PostKind.Learning => "aprendizaje",
        PostKind.Opportunity => "oportunidad",
        PostKind.Problem => "problematica",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static PostKind? FromSlug(string? slug) =>
        Enum.GetValues<PostKind>().Cast<PostKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}

/// <summary>A post in an edition's learning network (Red de aprendizaje): teams share learnings, opportunities and problems.</summary>
public class NetworkPost
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public required string AuthorId { get; set; }

    public AppUser Author { get; set; } = null!;

    /// <summary>The author's project when a team member posts; null for coordinators.</summary>
    public int? ProjectId { get; set; }

    public Project? Project { get; set; }

    public PostKind Kind { get; set; }

    /// <summary>The stage the post is about, if any.</summary>
    public int? StageDefinitionId { get; set; }

    public StageDefinition? StageDefinition { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown source; rendered sanitised.</summary>
    public required string BodyMarkdown { get; set; }

    public bool IsPinned { get; set; }

    /// <summary>Hidden by a coordinator: only coordinators still see it.</summary>
    public bool IsHidden { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? EditedAtUtc { get; set; }

    public List<NetworkComment> Comments { get; set; } = [];
}

public class NetworkComment
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public NetworkPost Post { get; set; } = null!;

    public required string AuthorId { get; set; }

    public AppUser Author { get; set; } = null!;

    public required string BodyMarkdown { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
