using System.ComponentModel.DataAnnotations;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Calls;

public class CallScheduleForm
{
    [Required(ErrorMessage = "Indicá cuándo abre la convocatoria.")]
    [Display(Name = "Abre (hora de Argentina)")]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Indicá cuándo cierra la convocatoria.")]
    [Display(Name = "Cierra (hora de Argentina)")]
    public DateTime? ClosesAt { get; set; }
}

public sealed record CallApplicationRow(int Id, string Municipality, string Province, string ContactName, string ContactEmail, DateTime UpdatedAtUtc, DateTime? SubmittedAtUtc, SelectionDecision Decision);

public sealed record CallAdminViewModel(int EditionId, string EditionName, EditionPhase Phase, CallScheduleForm Form, bool Scheduled, bool IsOpen, string PublicPath, IReadOnlyList<CallApplicationRow> Applications);

/// <summary>A municipality in the call's list, grouped by province (a federal call lists ~2,300).</summary>
public sealed record CallOption(int Id, string Label, string Province);

public class StartApplicationForm
{
    [Required(ErrorMessage = "Elegí el municipio que se postula.")]
    [Display(Name = "Municipio")]
    public int? MunicipalityId { get; set; }

    [Required(ErrorMessage = "Escribí el nombre de la persona de contacto.")]
    [StringLength(200, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    [Display(Name = "Persona de contacto")]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessage = "Escribí el correo de contacto.")]
    [EmailAddress(ErrorMessage = "Escribí un correo válido, por ejemplo nombre@municipio.gob.ar.")]
    [StringLength(256, ErrorMessage = "El correo puede tener hasta {1} caracteres.")]
    [Display(Name = "Correo de contacto")]
    public string ContactEmail { get; set; } = "";
}

public sealed record CallPublicViewModel(int EditionId, string EditionName, string Theme, DateTime? OpensAtUtc, DateTime? ClosesAtUtc, bool IsOpen, string? ClosedReason, StartApplicationForm Form, IReadOnlyList<CallOption> Municipalities);

public class MemberRow
{
    [StringLength(200, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    [Display(Name = "Nombre del integrante")]
    public string Name { get; set; } = "";

    [StringLength(256, ErrorMessage = "El correo puede tener hasta {1} caracteres.")]
    [Display(Name = "Correo del integrante")]
    public string Email { get; set; } = "";
}

public class ApplicationForm
{
    public const int MemberRows = 5;

    [StringLength(200, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    [Display(Name = "Persona de contacto")]
    public string ContactName { get; set; } = "";

    [StringLength(256, ErrorMessage = "El correo puede tener hasta {1} caracteres.")]
    [Display(Name = "Correo de contacto")]
    public string ContactEmail { get; set; } = "";

    [StringLength(4000, ErrorMessage = "El desafío puede tener hasta {1} caracteres.")]
    [Display(Name = "Desafío propuesto de digitalización de servicios")]
    public string Challenge { get; set; } = "";

    [StringLength(4000, ErrorMessage = "La motivación puede tener hasta {1} caracteres.")]
    [Display(Name = "Motivación")]
    public string Motivation { get; set; } = "";

    [Display(Name = "Equipo")]
    public List<MemberRow> Members { get; set; } = [];

    /// <summary>"guardar" keeps a draft; "enviar" submits.</summary>
    public string? Command { get; set; }

    public void PadMembers()
    {
        while (Members.Count < MemberRows)
        {
            Members.Add(new MemberRow());
        }
    }
}

public sealed record ApplicationViewModel(string Token, string Municipality, string Province, string EditionName, DateTime ClosesAtUtc, bool Editable, string? LockedReason,
    DateTime? SubmittedAtUtc, string? LetterFileName, ApplicationForm Form);
