using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;

namespace ProgramaInnovacion.UnitTests.Knowledge;

public class SearchTextTests
{
    [Theory]
    [InlineData("gestión", "gestion")]
    [InlineData("GESTIÓN", "gestion")]
    [InlineData("gestiones", "gestion")]
    [InlineData("Trámites", "tramit")]
    [InlineData("trámite", "tramit")]
    [InlineData("año", "ano")]
    [InlineData("casa", "casa")]
    [InlineData("casas", "casa")]
    public void Terms_FoldAccentsCaseAndPlurals(string word, string expected) =>
        Assert.Equal([expected], SearchText.Terms(word));

    [Fact]
    public void Terms_SplitOnPunctuation_AndDropStopWords() =>
        Assert.Equal(["habilitacion", "comercial", "100", "line"], SearchText.Terms("Habilitación comercial: ¡100 % en línea!"));

    [Fact]
    public void QueryTerms_AreDistinct() =>
        Assert.Equal(["reclam"], SearchText.QueryTerms("reclamos, reclamo"));

    [Fact]
    public void ATitleWordWeighsMoreThanTheSameWordInTheBody()
    {
        var entry = new CaseEntry
        {
            MunicipalityName = "Tandil",
            Title = "Ventanilla digital",
            Summary = "Resumen",
            Body = "La ventanilla ventanilla ventanilla ventanilla ventanilla tiene turnos.",
            City = "Tandil",
            Country = "Argentina",
            Description = "",
            Lessons = "",
        };

        var weights = CaseDocuments.WeighTerms(entry);

        Assert.Equal(CaseDocuments.TitleWeight, weights["digital"]);
        Assert.Equal(CaseDocuments.TitleWeight + (CaseDocuments.BodyWeight * CaseDocuments.MaxBodyOccurrences), weights["ventanill"]);
        Assert.Equal(CaseDocuments.BodyWeight, weights["turn"]);
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
        Assert.Contains(single.Terms, t => t.Term == "montevide");

        var final = CaseDocuments.Build(new ApprovedStageSource(8, StageRole.FinalProject, 1, "Tandil", MunicipalityCategory.Intermediate, "Ventanilla", "{\"resumen\":\"Un servicio\"}"), DateTime.UnixEpoch);
        Assert.Equal("Ventanilla", Assert.Single(final).Title);
        Assert.Empty(CaseDocuments.Build(new ApprovedStageSource(9, StageRole.Challenge, 1, "Tandil", MunicipalityCategory.Intermediate, null, "{}"), DateTime.UnixEpoch));
    }
}
