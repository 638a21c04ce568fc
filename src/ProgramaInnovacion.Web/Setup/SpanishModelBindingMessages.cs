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
        p.SetAttemptedValueIsInvalidAccessor((v, f) => LooksLikeADate(v) ? NoSuchDate(v) : $"El valor «{v}» no es válido para {f}.");
        p.SetMissingBindRequiredValueAccessor(f => $"Falta un valor para {f}.");
        p.SetMissingKeyOrValueAccessor(() => "Falta un valor.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "La solicitud no tiene contenido.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => LooksLikeADate(v) ? NoSuchDate(v) : $"El valor «{v}» no es válido.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "El valor ingresado no es válido.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "El campo debe ser un número.");
        p.SetUnknownValueIsInvalidAccessor(f => $"El valor ingresado para {f} no es válido.");
    }

    /// <summary>
    /// A date input sends yyyy-MM-dd; one that does not bind (2021-02-30, 2021-13-01) is a day that
    /// does not exist, which says more to a person than "no es válido".
    /// </summary>
    public static string NoSuchDate(string value) => $"La fecha «{value}» no existe: revisá el día, el mes y el año.";

    private static bool LooksLikeADate(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^\s*\d{4}-\d{1,2}-\d{1,2}(T\d{1,2}:\d{2}(:\d{2})?)?\s*$");
}
