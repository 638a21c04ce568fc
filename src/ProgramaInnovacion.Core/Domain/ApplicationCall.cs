namespace ProgramaInnovacion.Core.Domain;

/// <summary>An edition's call for applications, open between two instants (entered in Argentina time).</summary>
public class ApplicationCall
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public DateTime OpensAtUtc { get; set; }

    public DateTime ClosesAtUtc { get; set; }

    public List<CallApplication> Applications { get; set; } = [];

    public bool IsOpenAt(DateTime nowUtc) => nowUtc >= OpensAtUtc && nowUtc < ClosesAtUtc;
}

public enum SelectionDecision
{
    Pending,
    Selected,
    NotSelected,
}

/// <summary>A municipality's application to a call: a draft until submitted; nothing changes after the call closes.</summary>
public class CallApplication
{
    public int Id { get; set; }

    public int CallId { get; set; }

    public ApplicationCall Call { get; set; } = null!;

    public int MunicipalityId { get; set; }

    public Municipality Municipality { get; set; } = null!;

    public required string ContactName { get; set; }

    public required string ContactEmail { get; set; }

    public string Challenge { get; set; } = "";

    public string Motivation { get; set; } = "";

    /// <summary>The stored file of the authorities' commitment letter (IFileStore name), with its original name.</summary>
    public string? LetterStoredName { get; set; }

    public string? LetterFileName { get; set; }

    public string? LetterContentType { get; set; }

    public long LetterSizeBytes { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public SelectionDecision Decision { get; set; }

    public string? Justification { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public List<ApplicationMember> Members { get; set; } = [];

    public List<ApplicationScore> Scores { get; set; } = [];
}

/// <summary>A person the application lists for the team; invited to the portal if the municipality is selected.</summary>
public class ApplicationMember
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public CallApplication Application { get; set; } = null!;

    public int Order { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }
}

/// <summary>A criterion coordinators score applications on (1 to 5).</summary>
public class SelectionCriterion
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public int Order { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public static IReadOnlyList<(string Name, string Description)> Defaults { get; } =
    [
        ("Calidad del desafío", "El problema está claro, importa a los vecinos y se puede abordar en la edición."),
        ("Compromiso institucional", "Las autoridades respaldan el proyecto por escrito y asignan tiempo y recursos."),
        ("Capacidad del equipo", "El equipo reúne los perfiles y la disponibilidad que el proyecto necesita."),
    ];
}

/// <summary>One coordinator's score of one application on one criterion.</summary>
public class ApplicationScore
{
    public const int Min = 1;
    public const int Max = 5;

    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public CallApplication Application { get; set; } = null!;

    public int CriterionId { get; set; }

    public SelectionCriterion Criterion { get; set; } = null!;

    public required string CoordinatorId { get; set; }

    public AppUser Coordinator { get; set; } = null!;

    public int Score { get; set; }
}

/// <summary>
/// The confirmed selection of an edition: one row per edition, unique, written first in the
/// confirming transaction, so a second confirmation (a double click, two coordinators) fails on
/// the constraint and creates no projects or invitations twice.
/// </summary>
public class SelectionConfirmation
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public ProgramEdition Edition { get; set; } = null!;

    public DateTime ConfirmedAtUtc { get; set; }

    public string? ConfirmedById { get; set; }
}

/// <summary>A cell of the selection matrix: a city category and a maturity level, and the selected municipalities in it.</summary>
public sealed record MatrixCell(MunicipalityCategory Category, MaturityLevel Level, IReadOnlyList<string> Municipalities)
{
    public bool Covered => Municipalities.Count > 0;
}

/// <summary>Which category × maturity cells a selection covers (a municipality without a survey level counts in no cell).</summary>
public static class SelectionMatrix
{
    public static readonly IReadOnlyList<MunicipalityCategory> Categories = [MunicipalityCategory.Small, MunicipalityCategory.Intermediate, MunicipalityCategory.Large];

    public static IReadOnlyList<MatrixCell> Build(IEnumerable<(string Municipality, MunicipalityCategory Category, MaturityLevel? Level)> selected)
    {
        var list = selected.ToList();
        return Categories.SelectMany(c => MaturityScoring.Levels.Select(l => new MatrixCell(c, l,
            list.Where(s => s.Category == c && s.Level == l).Select(s => s.Municipality).Order(StringComparer.CurrentCulture).ToList()))).ToList();
    }
}
