namespace ProgramaInnovacion.Core.Domain;

/// <summary>What a person reads when someone else changed the same data first (see IVersioned).</summary>
public static class ConcurrencyConflict
{
    public const string Message = "Otra persona modificó estos datos al mismo tiempo. Volvé a intentarlo.";
}
