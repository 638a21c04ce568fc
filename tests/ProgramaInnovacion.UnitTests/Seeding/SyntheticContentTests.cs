using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Deliverables;

namespace ProgramaInnovacion.UnitTests.Seeding;

public class SyntheticContentTests
{
    /// <summary>
    /// The benchmark submits synthetic deliverables: content that the submission rules refuse would
    /// measure a 422 instead of a submit (it did for the final project once its indicators became typed).
    /// </summary>
    [Fact]
    public void EveryStagesLastRevision_PassesTheSubmissionRules_ForEveryTheme()
    {
        var problems = new List<string>();
        foreach (var stage in DefaultStageTemplate.Stages.Where(s => s.Schema.Fields.Count > 0))
        {
            for (var seed = 0; seed < 40; seed++)
            {
                var theme = SyntheticContent.Themes[seed % SyntheticContent.Themes.Count];
                var content = SyntheticContent.For(stage.Schema, theme, seed, revision: 5, revisions: 5, new DateOnly(2026, 3, 1));
                problems.AddRange(ContentValidator.Validate(stage.Schema, content)
                    // Attachments are added by the seeder once the files have ids.
                    .Where(e => stage.Schema.Fields.Single(f => f.Key == e.FieldKey).Type != FieldType.Attachments)
                    .Select(e => $"{stage.Key} (semilla {seed}): {e.FieldKey}: {e.Message}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(10)));
    }
}
