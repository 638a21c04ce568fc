namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// The test classes that swap the process's <see cref="Console.Out"/> to read what was written:
/// xunit runs the classes of one collection one after another, so none of them swaps the console
/// underneath another. Tests in other classes may still write to whichever console is current
/// (every portal host logs to it), so what these tests read back is filtered to their own lines.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleSwapping
{
    public const string Name = "Consola del proceso";
}
