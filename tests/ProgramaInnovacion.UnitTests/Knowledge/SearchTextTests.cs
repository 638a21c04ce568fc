using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;

namespace ProgramaInnovacion.UnitTests.Knowledge;

public class SearchTextTests
{
    [Theory]
    [InlineData("gestión", "gestion")]
    [InlineData("GESTIÓN", "gestion")]
    [InlineData("año", "ano")]
    public void Fold_DropsAccentsAndCase(string word, string expected) =>
        Assert.Equal(expected, SearchText.Fold(word));

    [Theory]
    [InlineData("gestiones", "gestion")]
    [InlineData("trámites", "tramit")]
    [InlineData("tramite", "tramit")]
    [InlineData("ciudades", "ciudad")]
    [InlineData("casa", "casa")]
    [InlineData("casas", "casa")]
    public void Stem_MakesPluralAndSingularMeet(string word, string expected) =>
        Assert.Equal(expected, SearchText.Stem(SearchText.Fold(word)));

    [Fact]
    public void Parse_ReadsWordsPhrasesAndPrefixes_AndDropsStopWords()
    {
        var query = SearchText.Parse("Gestión de \"licencia de conducir\" municip* ¡100 %!");

        Assert.Equal(
            ["Word gestion", "Phrase licencia de conducir", "Prefix municip", "Word 100"],
            query.Clauses.Select(c => $"{c.Kind} {string.Join(' ', c.Words)}"));
        Assert.Equal("\"gestion\"* \"licencia de conducir\" \"municip\"* \"100\"*", query.ToFts5Match());
        Assert.Equal("\"gestion\" \"licencia de conducir\" \"100\"", query.ToPostgresWebSearch());
        Assert.Equal("municip:*", query.ToPostgresPrefixes());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("* ( ) / - + ^ : \" ' \"\"")]
    [InlineData("de la y")]
    public void Parse_OfOperatorsOrStopWordsOnly_IsEmpty(string query) =>
        Assert.True(SearchText.Parse(query).IsEmpty);

    [Fact]
    public void Parse_QuotesOperatorsAsWords_SoNoInputIsSyntax()
    {
        var query = SearchText.Parse("agua NEAR(luz) OR \"gas* -cloacas");

        Assert.Equal("\"agua\"* \"near\"* \"luz\"* \"or\"* \"gas cloacas\"", query.ToFts5Match());
        Assert.Equal("\"agua\" \"near\" \"luz\" \"or\" \"gas cloacas\"", query.ToPostgresWebSearch());
    }

    [Fact]
    public void Parse_ReadsAtMostTenClauses_OfTheFirst200Characters()
    {
        var query = SearchText.Parse(string.Concat(Enumerable.Repeat("palabra ", 125)));

        Assert.Equal(SearchText.MaxClauses, query.Clauses.Count);
        Assert.True(SearchText.Parse(new string('x', 1000)).Clauses.Single().Words[0].Length <= SearchText.MaxTermLength);
    }

    [Fact]
    public void Segments_SplitAtTheMarkers_AndKeepMarkupAsText()
    {
        var segments = CaseSearch.Segments("### Resultados\n\n<b>Menos</b> \u0002trámites\u0003 & \u0002colas\u0003.\u0003");

        Assert.Equal(
            [new SnippetSegment("Resultados <b>Menos</b> ", false), new SnippetSegment("trámites", true), new SnippetSegment(" & ", false), new SnippetSegment("colas", true), new SnippetSegment(".", false)],
            segments);
    }

    [Fact]
    public void Build_MakesOneCasePerCaseStudyRow_AndOneForAFinalProject()
    {
        const string rows = "{\"casos\":[{\"ciudad\":\"Montevideo\",\"pais\":\"Uruguay\",\"descripcion\":\"Portal único\",\"lecciones\":\"Medir\",\"fuente\":\"https://x.example\"},{\"ciudad\":\"\",\"descripcion\":\"\"}]}";
        var cases = CaseDocuments.Build(new ApprovedStageSource(7, StageRole.CaseStudy, 1, "Tandil", MunicipalityCategory.Intermediate, null, rows), DateTime.UnixEpoch);
        var single = Assert.Single(cases);
        Assert.Equal("Montevideo (Uruguay): Portal único", single.Title);
        Assert.Equal(CaseSource.CaseStudy, single.Source);
        Assert.Equal("https://x.example", single.SourceUrl);

        var final = CaseDocuments.Build(new ApprovedStageSource(8, StageRole.FinalProject, 1, "Tandil", MunicipalityCategory.Intermediate, "Ventanilla", "{\"resumen\":\"Un servicio\"}"), DateTime.UnixEpoch);
        Assert.Equal("Ventanilla", Assert.Single(final).Title);
        Assert.Empty(CaseDocuments.Build(new ApprovedStageSource(9, StageRole.Challenge, 1, "Tandil", MunicipalityCategory.Intermediate, null, "{}"), DateTime.UnixEpoch));
    }
}
