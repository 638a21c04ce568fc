using System.ComponentModel.DataAnnotations;

namespace ProgramaInnovacion.Web.Features.Users;

public sealed record UserRow(
    string Id,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Teams,
    bool IsActive,
    bool HasPassword,
    DateTime? LastInvitationUtc,
    string? InvitationStatus);

public sealed record ProjectOption(int Id, string Label);

/// <summary>The fields shared by the invitation and the edit form.</summary>
public class UserFormBase
{
    [Required(ErrorMessage = "Escribí el nombre de la persona.")]
    [StringLength(120, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    [Display(Name = "Nombre y apellido")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Equipo municipal (proyecto)")]
    public int? ProjectId { get; set; }

    [Display(Name = "Organización de la alianza")]
    public int? OrganizationId { get; set; }

    /// <summary>For a coordinator: the editions they coordinate (see, review and export).</summary>
    [Display(Name = "Ediciones que coordina")]
    public List<int> EditionIds { get; set; } = [];
}

public class InviteUserForm : UserFormBase
{
    [Required(ErrorMessage = "Ingresá el correo electrónico.")]
    [EmailAddress(ErrorMessage = "Ingresá un correo electrónico válido.")]
    [StringLength(256)]
    [Display(Name = "Correo electrónico")]
    public string Email { get; set; } = "";
}

public class EditUserForm : UserFormBase
{
    /// <summary>The account's teams other than <see cref="UserFormBase.ProjectId"/> that stay (usually those of other editions); an unticked one is left.</summary>
    [Display(Name = "También integra")]
    public List<int> OtherProjectIds { get; set; } = [];
}

/// <summary>An account's stored form values with what its edit page shows beside them (its teams, newest edition first).</summary>
public sealed record EditUserData(EditUserForm Form, string? Email, bool IsActive, IReadOnlyList<ProjectOption> Memberships);

public sealed record UserFormViewModel(UserFormBase Form, IReadOnlyList<ProjectOption> Projects, string? UserId, string? Email, bool IsActive)
{
    public IReadOnlyList<ProjectOption> Organizations { get; init; } = [];

    public IReadOnlyList<ProjectOption> Editions { get; init; } = [];

    /// <summary>The account's teams as stored (edit page only).</summary>
    public IReadOnlyList<ProjectOption> Memberships { get; init; } = [];
}

public class AcceptInvitationForm
{
    [Required(ErrorMessage = "Escribí tu nombre.")]
    [StringLength(120, ErrorMessage = "El nombre puede tener hasta {1} caracteres.")]
    [Display(Name = "Nombre y apellido")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Elegí una contraseña.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "La contraseña debe tener al menos {2} caracteres.")]
    [DataType(DataType.Password)]
    [Display(Name = "Contraseña")]
    public string Password { get; set; } = "";

    [Required]

    [DataType(DataType.Password)]
    [Display(Name = "Repetí la contraseña")]
    [Compare(nameof(Password), ErrorMessage = "Las contraseñas no coinciden.")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed record AcceptInvitationViewModel(string Token, string Email, AcceptInvitationForm Form);
