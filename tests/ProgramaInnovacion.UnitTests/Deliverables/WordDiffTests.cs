using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Deliverables;

public class WordDiffTests
{
    [Fact]
    public void Compare_MarksOnlyTheWordsThatChanged()
    {
        var pieces = WordDiff.Compare("La demanda está validada en el centro.", "La demanda está validada en tres barrios del centro.");
        // "el" became "tres barrios del": the words around it stay unmarked.
        Assert.Equal(
            [new TextPiece(TextChange.Same, "La demanda está validada en "), new TextPiece(TextChange.Deleted, "el"), new TextPiece(TextChange.Inserted, "tres barrios del"), new TextPiece(TextChange.Same, " centro.")],
            pieces);
    }

    [Fact]
    public void Compare_AReplacedWord_IsDeletedThenInserted()
    {
        var pieces = WordDiff.Compare("Reducir la demora a 10 días.", "Reducir la demora a 5 días.");
        Assert.Equal(
            [new TextPiece(TextChange.Same, "Reducir la demora a "), new TextPiece(TextChange.Deleted, "10"), new TextPiece(TextChange.Inserted, "5"), new TextPiece(TextChange.Same, " días.")],
            pieces);
    }

    [Fact]
    public void Compare_KeepsBothTextsReadable_FromItsPieces()
    {
        const string before = "Primer párrafo.\n\nSegundo párrafo con ñandú y acentos: «áéíóú».";
        const string after = "Primer párrafo, corregido.\n\nSegundo párrafo con acentos: «áéíóú».\nTercero.";
        var pieces = WordDiff.Compare(before, after);
        Assert.Equal(before, string.Concat(pieces.Where(p => p.Change != TextChange.Inserted).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Change != TextChange.Deleted).Select(p => p.Text)));
    }

    [Fact]
    public void Compare_AReplacedPhrase_ReadsAsOneDeletionAndOneInsertion()
    {
        Assert.Equal(
            [new TextPiece(TextChange.Same, "Lugar: "), new TextPiece(TextChange.Deleted, "Delegación Norte"), new TextPiece(TextChange.Inserted, "Centro cívico"), new TextPiece(TextChange.Same, ".")],
            WordDiff.Compare("Lugar: Delegación Norte.", "Lugar: Centro cívico."));
    }

    [Fact]
    public void Compare_ARewrittenText_KeepsTheNewPhrasesWhole()
    {
        var pieces = WordDiff.Compare(
            "La demanda está validada; hay que prever capacitación del personal y un canal asistido para quienes no usan internet.",
            "Conclusiones corregidas con la evidencia pedida.");
        Assert.Contains(pieces, p => p.Change == TextChange.Inserted && p.Text.Contains("Conclusiones corregidas con la evidencia pedida", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_AnInsertion_IsOnlyInserted()
    {
        Assert.Equal(
            [new TextPiece(TextChange.Same, "Capacitar al personal"), new TextPiece(TextChange.Inserted, " de atención"), new TextPiece(TextChange.Same, ".")],
            WordDiff.Compare("Capacitar al personal.", "Capacitar al personal de atención."));
    }

    [Fact]
    public void Compare_SameText_IsOneUnchangedPiece()
    {
        Assert.Equal([new TextPiece(TextChange.Same, "Sin cambios.")], WordDiff.Compare("Sin cambios.", "Sin cambios."));
    }
}
