namespace ProgramaInnovacion.Core.Domain;

/// <summary>Where an edition is in its life: from its preparation, through the survey, the call and the selection, to running and closed.</summary>
public enum EditionPhase
{
    Preparation,
    Survey,
    CallOpen,
    Selection,
    Running,
    Closed,
}

/// <summary>
/// The edition's life cycle as one rule: the order of the phases, which moves an administrator may
/// make, and what each phase allows (deadlines only while running; a closed edition is history).
/// </summary>
public static class EditionLifecycle
{
    public const string ClosedMessage = "La edición está cerrada: su historia se puede leer, pero ya no se entrega, revisa, comenta ni edita nada.";

    public static readonly IReadOnlyList<EditionPhase> Order =
        [EditionPhase.Preparation, EditionPhase.Survey, EditionPhase.CallOpen, EditionPhase.Selection, EditionPhase.Running, EditionPhase.Closed];

    public static string Label(this EditionPhase phase) => phase switch
    {
        EditionPhase.Preparation => "En preparación",
        EditionPhase.Survey => "Relevamiento",
        EditionPhase.CallOpen => "Convocatoria abierta",
        EditionPhase.Selection => "Selección",
        EditionPhase.Running => "En curso",
        EditionPhase.Closed => "Cerrada",
        _ => phase.ToString(),
    };

    /// <summary>Deadlines, overdue figures and reminders exist only while the edition runs.</summary>
    public static bool TracksDeadlines(EditionPhase phase) => phase == EditionPhase.Running;

    /// <summary>A closed edition is read-only history: no submission, review, comment or edit.</summary>
    public static bool IsReadOnly(EditionPhase phase) => phase == EditionPhase.Closed;

    /// <summary>The phases an administrator may move the edition to: the next one, or back one step to mend a mistake; nothing leaves "cerrada".</summary>
    public static IReadOnlyList<EditionPhase> Moves(EditionPhase from)
    {
        if (from == EditionPhase.Closed)
        {
            return [];
        }

        var index = Order.ToList().IndexOf(from);
        var moves = new List<EditionPhase> { Order[index + 1] };
        if (index > 0)
        {
            moves.Add(Order[index - 1]);
        }

        return moves;
    }

    /// <summary>Null when the move is allowed, otherwise the Spanish reason.</summary>
    public static string? CheckMove(EditionPhase from, EditionPhase to) =>
        Moves(from).Contains(to) ? null
        : from == EditionPhase.Closed ? "Una edición cerrada no vuelve a abrirse: queda como historia."
        : $"De «{from.Label()}» se pasa a «{Moves(from)[0].Label()}»" + (Moves(from).Count > 1 ? $" o se vuelve a «{Moves(from)[1].Label()}»." : ".");
}
