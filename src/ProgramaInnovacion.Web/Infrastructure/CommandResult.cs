namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>
/// What every command answers: done, or a Spanish message for the page plus, when the form can
/// point at them, errors by form field (the key "" is a message for the whole form).
/// </summary>
public record CommandResult
{
    protected CommandResult(string? error, IReadOnlyDictionary<string, string>? fieldErrors)
    {
        Error = error;
        FieldErrors = fieldErrors;
    }

    public static CommandResult Done { get; } = new(null, null);

    /// <summary>Null when the command succeeded.</summary>
    public string? Error { get; }

    public IReadOnlyDictionary<string, string>? FieldErrors { get; }

    public bool Succeeded => Error is null;

    public static CommandResult Fail(string message, IReadOnlyDictionary<string, string>? fieldErrors = null) => new(message, fieldErrors);

    /// <summary>A single field's error: the form shows it next to the field and the message on top.</summary>
    public static CommandResult Fail(string field, string message) => new(message, new Dictionary<string, string> { [field] = message });

    public static CommandResult<T> Ok<T>(T value) => new(value, null, null);

    /// <summary>The failure of a command that would have answered with data.</summary>
    public static CommandResult<T> Fail<T>(string message, IReadOnlyDictionary<string, string>? fieldErrors = null) => new(default, message, fieldErrors);
}

/// <summary>A command that answers with data when it succeeds (the new id, where to go next).</summary>
public sealed record CommandResult<T> : CommandResult
{
    internal CommandResult(T? value, string? error, IReadOnlyDictionary<string, string>? fieldErrors)
        : base(error, fieldErrors) => Value = value;

    /// <summary>Set when the command succeeded.</summary>
    public T? Value { get; }
}
