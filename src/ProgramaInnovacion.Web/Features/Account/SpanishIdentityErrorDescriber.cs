using Microsoft.AspNetCore.Identity;

namespace ProgramaInnovacion.Web.Features.Account;

/// <summary>Identity's validation errors as a person in Argentina reads them.</summary>
public class SpanishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Ocurrió un error inesperado.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), Core.Domain.ConcurrencyConflict.Message);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "La contraseña actual no es correcta.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "El enlace no es válido o ya venció. Pedí uno nuevo.");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Ya existe una cuenta asociada a este ingreso.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"El nombre de usuario «{userName}» no es válido.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"El correo electrónico «{email}» no es válido.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Ya existe una cuenta con el correo {userName}.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Ya existe una cuenta con el correo {email}.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"El rol «{role}» no es válido.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"El rol «{role}» ya existe.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "La cuenta ya tiene una contraseña.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "El bloqueo no está habilitado para esta cuenta.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"La cuenta ya tiene el rol «{role}».");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"La cuenta no tiene el rol «{role}».");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"La contraseña debe tener al menos {length} caracteres.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"La contraseña debe tener al menos {uniqueChars} caracteres distintos.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "La contraseña debe tener al menos un símbolo.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "La contraseña debe tener al menos un número.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "La contraseña debe tener al menos una minúscula.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "La contraseña debe tener al menos una mayúscula.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
