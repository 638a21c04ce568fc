using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// Gives every validation attribute that has no message of its own a Spanish one, so no English
/// default ("The X field is required.", "must be a string with a maximum length of…") reaches a
/// person — including the [Required] MVC adds by itself to non-nullable strings. A message written
/// on the attribute always wins. {0} is the field's display name.
/// </summary>
internal sealed class SpanishValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (string.IsNullOrEmpty(attribute.ErrorMessage) && attribute.ErrorMessageResourceType is null && string.IsNullOrEmpty(attribute.ErrorMessageResourceName))
            {
                attribute.ErrorMessage = DefaultMessage(attribute);
            }
        }
    }

    /// <summary>The Spanish default for an attribute; the most derived type first (EmailAddress is a DataType).</summary>
    public static string DefaultMessage(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Completá «{0}».",
        StringLengthAttribute { MinimumLength: > 0 } => "«{0}» debe tener entre {2} y {1} caracteres.",
        StringLengthAttribute => "«{0}» puede tener hasta {1} caracteres.",
        MaxLengthAttribute => "«{0}» supera el largo máximo de {1}.",
        MinLengthAttribute => "«{0}» no llega al largo mínimo de {1}.",
        LengthAttribute => "«{0}» debe tener un largo de entre {1} y {2}.",
        CompareAttribute => "«{0}» no coincide con «{1}».",
        EmailAddressAttribute => "«{0}» no es un correo electrónico válido.",
        PhoneAttribute => "«{0}» no es un número de teléfono válido.",
        UrlAttribute => "«{0}» no es una dirección web válida (empieza con http:// o https://).",
        CreditCardAttribute => "«{0}» no es un número de tarjeta válido.",
        FileExtensionsAttribute => "«{0}» solo admite archivos {1}.",
        RangeAttribute => "«{0}» debe estar entre {1} y {2}.",
        RegularExpressionAttribute => "«{0}» no tiene el formato esperado.",
        EnumDataTypeAttribute or AllowedValuesAttribute or DeniedValuesAttribute => "«{0}» no es una opción válida.",
        _ => "«{0}» no es válido.",
    };
}
