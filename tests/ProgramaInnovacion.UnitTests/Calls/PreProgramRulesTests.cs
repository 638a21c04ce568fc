using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Calls;

public class MaturityScoringTests
{
    [Theory]
    [InlineData(0.0, MaturityLevel.Initial)]
    [InlineData(1.49, MaturityLevel.Initial)]
    [InlineData(1.5, MaturityLevel.Developing)]
    [InlineData(2.49, MaturityLevel.Developing)]
    [InlineData(2.5, MaturityLevel.Intermediate)]
    [InlineData(3.24, MaturityLevel.Intermediate)]
    [InlineData(3.25, MaturityLevel.Advanced)]
    [InlineData(4.0, MaturityLevel.Advanced)]
    public void Level_FollowsTheDocumentedBands(double overall, MaturityLevel expected) =>
        Assert.Equal(expected, MaturityScoring.Level(overall));

    [Fact]
    public void Score_DimensionsAreTheMeanOfTheirAnswers_AndWeighTheSameInTheOverall()
    {
        // A dimension with three questions and one with one question count the same in the overall.
        var questionnaire = new List<(string, IReadOnlyList<int>)> { ("Gobernanza", [1, 2, 3]), ("Datos", [4]), ("Talento", [5]) };
        var answers = new Dictionary<int, int> { [1] = 4, [2] = 4, [3] = 1, [4] = 0 };

        var scores = MaturityScoring.Score(questionnaire, answers);

        Assert.Equal(3.0, scores[0].Score);
        Assert.Equal(0.0, scores[1].Score);
        Assert.Null(scores[2].Score); // nothing answered: no score, and it does not drag the overall down
        Assert.Equal(1.5, MaturityScoring.Overall(scores));
        Assert.Equal(MaturityLevel.Developing, MaturityScoring.Level(MaturityScoring.Overall(scores)!.Value));
    }

    [Fact]
    public void DefaultQuestionnaire_HasTheSixDimensionsOfTheProgram()
    {
        Assert.Equal(["Gobernanza y estrategia", "Servicios digitales", "Infraestructura y conectividad", "Datos e interoperabilidad", "Talento y cultura digital", "Participación ciudadana"],
            MaturityScoring.DefaultQuestionnaire.Select(d => d.Dimension));
        Assert.All(MaturityScoring.DefaultQuestionnaire, d => Assert.NotEmpty(d.Questions));
    }
}

public class CategoryBandsTests
{
    [Theory]
    [InlineData(1, MunicipalityCategory.Small)]
    [InlineData(50_000, MunicipalityCategory.Small)]
    [InlineData(50_001, MunicipalityCategory.Intermediate)]
    [InlineData(200_000, MunicipalityCategory.Intermediate)]
    [InlineData(200_001, MunicipalityCategory.Large)]
    [InlineData(3_000_000, MunicipalityCategory.Large)]
    public void Classify_DefaultBands(int population, MunicipalityCategory expected) =>
        Assert.Equal(expected, CategoryBands.Classify(population, CategoryBands.Defaults()));

    [Fact]
    public void Classify_ConfiguredBands_InAnyOrder()
    {
        var bands = new[]
        {
            new CategoryBand { Category = MunicipalityCategory.Large, MaxPopulation = null },
            new CategoryBand { Category = MunicipalityCategory.Small, MaxPopulation = 20_000 },
            new CategoryBand { Category = MunicipalityCategory.Intermediate, MaxPopulation = 100_000 },
        };
        Assert.Equal(MunicipalityCategory.Intermediate, CategoryBands.Classify(50_000, bands));
        Assert.Equal(MunicipalityCategory.Large, CategoryBands.Classify(150_000, bands));
    }

    [Fact]
    public void Describe_SaysTheBandsInSpanish()
    {
        var bands = CategoryBands.Defaults();
        Assert.Equal(["hasta 50.000 habitantes", "50.001 a 200.000 habitantes", "más de 200.000 habitantes"], bands.Select(b => CategoryBands.Describe(b, bands)));
    }

    [Theory]
    [InlineData(50_000, 200_000, null)]
    [InlineData(200_000, 50_000, "El límite de las ciudades intermedias tiene que ser mayor que el de las pequeñas.")]
    [InlineData(0, 10, "Indicá los límites de población como números enteros mayores que cero.")]
    public void Validate_LimitsMustGrow(int small, int intermediate, string? expected) =>
        Assert.Equal(expected, CategoryBands.Validate(small, intermediate));
}

public class EditionLifecycleTests
{
    [Fact]
    public void Moves_AreTheNextPhaseOrOneBack_AndNothingLeavesClosed()
    {
        Assert.Equal([EditionPhase.Survey], EditionLifecycle.Moves(EditionPhase.Preparation));
        Assert.Equal([EditionPhase.Closed, EditionPhase.Selection], EditionLifecycle.Moves(EditionPhase.Running));
        Assert.Empty(EditionLifecycle.Moves(EditionPhase.Closed));
        Assert.Equal("De «Relevamiento» se pasa a «Convocatoria abierta» o se vuelve a «En preparación».", EditionLifecycle.CheckMove(EditionPhase.Survey, EditionPhase.Running));
        Assert.Null(EditionLifecycle.CheckMove(EditionPhase.Selection, EditionPhase.Running));
    }

    [Theory]
    [InlineData(EditionPhase.Preparation, false, false)]
    [InlineData(EditionPhase.Selection, false, false)]
    [InlineData(EditionPhase.Running, true, false)]
    [InlineData(EditionPhase.Closed, false, true)]
    public void OnlyARunningEditionTracksDeadlines_AndOnlyAClosedOneIsReadOnly(EditionPhase phase, bool deadlines, bool readOnly)
    {
        Assert.Equal(deadlines, EditionLifecycle.TracksDeadlines(phase));
        Assert.Equal(readOnly, EditionLifecycle.IsReadOnly(phase));
    }

    [Fact]
    public void SelectionMatrix_MarksCoveredCells_AndIgnoresAMunicipalityWithoutALevel()
    {
        var cells = SelectionMatrix.Build([("Tandil", MunicipalityCategory.Intermediate, MaturityLevel.Intermediate), ("Sin relevamiento", MunicipalityCategory.Small, null)]);
        Assert.Equal(12, cells.Count);
        Assert.Equal(["Tandil"], Assert.Single(cells, c => c.Covered).Municipalities);
    }
}
