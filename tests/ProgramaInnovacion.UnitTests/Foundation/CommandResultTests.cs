using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.UnitTests.Foundation;

public class CommandResultTests
{
    [Fact]
    public void Done_Succeeds_WithNoMessage() =>
        Assert.True(CommandResult.Done is { Succeeded: true, Error: null, FieldErrors: null });

    [Fact]
    public void AFieldError_CarriesTheFieldAndTheSpanishMessage()
    {
        var result = CommandResult.Fail("Key", "Ya hay una etapa con esa clave en esta edición.");

        Assert.False(result.Succeeded);
        Assert.Equal("Ya hay una etapa con esa clave en esta edición.", result.Error);
        Assert.Equal("Ya hay una etapa con esa clave en esta edición.", result.FieldErrors!["Key"]);
    }

    [Fact]
    public void ACommandWithData_CarriesItOnlyWhenItSucceeds()
    {
        Assert.Equal(42, CommandResult.Ok(42) is { Succeeded: true } ok ? ok.Value : -1);
        Assert.True(CommandResult.Fail<int>("Elegí un archivo para subir.") is { Succeeded: false, Value: 0, Error: "Elegí un archivo para subir." });
    }
}
