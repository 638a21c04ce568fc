using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Editions;

public sealed record EditionRow(int Id, string Name, string Theme, DateTime StartsAtUtc, DateTime? EndsAtUtc, bool ShareApprovedDeliverables, bool AnonymizeExperts, int Projects, int Stages);

public class EditionForm
{
    [Required(ErrorMessage = "Escribí el nombre de la edición.")]
    [StringLength(200, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    [Display(Name = "Nombre")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Escribí el tema de la edición.")]
    [StringLength(200, ErrorMessage = "El tema puede tener hasta {1} caracteres.")]
    [Display(Name = "Tema")]
    public string Theme { get; set; } = "";

    [Required(ErrorMessage = "Indicá la fecha de inicio.")]
    [Display(Name = "Inicio (hora de Argentina)")]
    [DataType(DataType.Date)]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Fin (hora de Argentina)")]
    [DataType(DataType.Date)]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Compartir entregables aprobados entre equipos")]
    public bool ShareApprovedDeliverables { get; set; }

    [Display(Name = "Mostrar a los expertos como «Experto 1, 2…» en los resultados del panel")]
    public bool AnonymizeExperts { get; set; }
}

public class NewEditionForm : EditionForm
{
    [Display(Name = "Copiar las etapas y la rúbrica de")]
    public int? CopyFromEditionId { get; set; }

    [Display(Name = "Correr los vencimientos según la nueva fecha de inicio (si no, quedan sin fecha)")]
    public bool ShiftDueDates { get; set; } = true;
}

public sealed record EditionOptionItem(int Id, string Name);

public sealed record NewEditionViewModel(NewEditionForm Form, IReadOnlyList<EditionOptionItem> Editions);

public sealed record EditionProjectRow(int Id, string Municipality, string Province, int Approved, int Total);

public sealed record MunicipalityOption(int Id, string Label);

public sealed record EditionViewModel(int Id, EditionForm Form, IReadOnlyList<EditionProjectRow> Projects, IReadOnlyList<MunicipalityOption> AvailableMunicipalities)
{
    /// <summary>The alliance's organisations, each with its mentors working with this edition's teams.</summary>
    public IReadOnlyList<AlliancePartnerRow> Alliance { get; init; } = [];

    public EditionPhase Phase { get; init; }

    /// <summary>The phases an administrator may move the edition to from here (EditionLifecycle.Moves).</summary>
    public IReadOnlyList<EditionPhase> Moves => EditionLifecycle.Moves(Phase);
}

/// <param name="Mentors">"Name (Municipality, Municipality)" of each of its mentors assigned in the edition.</param>
public sealed record AlliancePartnerRow(string Name, string Sector, string? Description, string? Website, IReadOnlyList<string> Mentors);
