using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Deliverables;

public class WordDiffTests
{
    [Fact]
    public void Compare_MarksOnlyTheWordsThatChanged()
    {
        var pieces = WordDiff.Compare("La demanda está validada en el centro.", "La demanda está validada en tres barrios del centro.");
        Assert.Equal(
            [new TextPiece(TextChange.Same, "La demanda está validada en "), new TextPiece(TextChange.Inserted, "tres barrios del "), new TextPiece(TextChange.Same, "centro.")],
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
    public void Compare_SameText_IsOneUnchangedPiece()
    {
        Assert.Equal([new TextPiece(TextChange.Same, "Sin cambios.")], WordDiff.Compare("Sin cambios.", "Sin cambios."));
    }
}
