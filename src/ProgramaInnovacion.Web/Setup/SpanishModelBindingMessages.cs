using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>Model-binding errors a person reads, in Spanish.</summary>
internal static class SpanishModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetValueIsInvalidAccessor(v => $"El valor «{v}» no es válido.");
        p.SetValueMustBeANumberAccessor(f => $"El campo {f} debe ser un número.");
        p.SetValueMustNotBeNullAccessor(f => $"El campo {f} es obligatorio.");
        p.SetAttemptedValueIsInvalidAccessor((v, f) => $"El valor «{v}» no es válido para {f}.");
        p.SetMissingBindRequiredValueAccessor(f => $"Falta un valor para {f}.");
        p.SetMissingKeyOrValueAccessor(() => "Falta un valor.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "La solicitud no tiene contenido.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"El valor «{v}» no es válido.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "El valor ingresado no es válido.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "El campo debe ser un número.");
        p.SetUnknownValueIsInvalidAccessor(f => $"El valor ingresado para {f} no es válido.");
    }
}
