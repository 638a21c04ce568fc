using Microsoft.AspNetCore.Http;

namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>A button of the confirmation step: it posts the same values again with its own name and value (to another address when FormAction is set).</summary>
public sealed record ConfirmButton(string Label, string? Name = null, string? Value = null, string? FormAction = null);

/// <summary>
/// The second look before an action that cannot be undone: a server-rendered page (no JavaScript
/// needed) that says what will happen and posts the same values back with confirmado=true.
/// </summary>
/// <param name="Details">Lines a person should read before confirming (for example, who is still missing).</param>
public sealed record ConfirmStepViewModel(string Title, string Message, IReadOnlyList<string> Details, string Action,
    IReadOnlyList<KeyValuePair<string, string>> Values, ConfirmButton Confirm, ConfirmButton? Back, string CancelUrl)
{
    public const string View = "~/Views/Shared/ConfirmStep.cshtml";

    /// <summary>The posted fields to carry to the confirmation, without the token, the confirmation flag and the buttons' own fields.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PostedValues(IFormCollection form, params string[] except) =>
        form.Where(f => f.Key is not ("__RequestVerificationToken" or "confirmado") && !except.Contains(f.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
            .ToList();
}
