namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>What a person reads on the library's search page.</summary>
internal static class LibraryPage
{
    /// <summary>The titles of the results, in the order shown.</summary>
    public static List<string> ResultTitles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".case-results h3").Select(h => h.TextContent.Trim()).ToList();
}
