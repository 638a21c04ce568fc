using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class AuditActionsTests
{
    [Fact]
    public void EveryAction_HasASpanishLabel_AndADistinctKeyInOneStyle()
    {
        var actions = AuditActions.All.ToList();

        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.True(AuditActions.HasLabel(a), $"«{a}» no tiene nombre en castellano."));
        Assert.All(actions, a => Assert.Matches("^[a-z-]+\\.[a-z-]+$", a));
        Assert.Equal(actions.Count, actions.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(actions.Count, actions.Select(AuditActions.Label).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("panel.evaluacion.enviada", "Enviar evaluación de la mesa")]
    [InlineData("calendario.crear", "Crear sesión del calendario")]
    [InlineData("Aprobó etapa", "Aprobó etapa")]
    public void NamesStoredBeforeTheConstants_AreShownInSpanish(string stored, string shown) =>
        Assert.Equal(shown, AuditActions.Label(stored));
}
