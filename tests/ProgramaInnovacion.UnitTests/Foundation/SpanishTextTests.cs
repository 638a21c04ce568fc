using System.Text.RegularExpressions;

namespace ProgramaInnovacion.UnitTests.Foundation;

/// <summary>Spelling rules of the portal's es-AR texts that a compiler cannot catch, checked over every view and source file.</summary>
public partial class SpanishTextTests
{
    /// <summary>
    /// A voseo imperative with a pronoun attached is written without an accent ("pedile", "contale",
    /// "escribinos"): the accent of "pedí" moves away once the word grows a syllable.
    /// </summary>
    [GeneratedRegex(@"\b\w+[áéí](le|les|lo|los|la|las|me|nos)\b")]
    private static partial Regex AccentedVoseoWithPronoun();

    [Fact]
    public void VoseoImperativesWithAPronoun_AreWrittenWithoutAccent()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "ProgramaInnovacion.Web");
        var files = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(f => AccentedVoseoWithPronoun().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgramaInnovacion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No se encontró ProgramaInnovacion.sln encima de la carpeta de los tests.");
    }
}
