namespace ProgramaInnovacion.UnitTests.Foundation;

public class FeatureViewLookupTests
{
    private static string WebProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProgramaInnovacion.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "src", "ProgramaInnovacion.Web");
    }

    [Fact]
    public void NoControllerOrView_SpellsOutAFeatureViewPath()
    {
        var files = Directory.EnumerateFiles(Path.Combine(WebProjectFolder(), "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));

        var offenders = files.Where(f => File.ReadAllText(f).Contains("~/Features/", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();

        Assert.Empty(offenders);
    }
}
