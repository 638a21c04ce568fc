using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>
/// Comparing two submissions of a long text marks the words that changed (with words a screen
/// reader says), instead of the whole text before and after. Jesús María's validation of 2021
/// came back with changes: its conclusions grew from one sentence to a paragraph.
/// </summary>
public class WordDiffPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheComparison_MarksTheAddedWords_InsideTheText()
    {
        var (project, submissions) = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Where(s => s.Project.Municipality.Slug == "jesusmaria" && s.Project.Edition.Name == ReferenceData.FirstEditionName && s.StageDefinition.Key == "validacion")
                .Select(s => new { s.ProjectId, Numbers = s.Deliverable!.Revisions.Where(r => r.Kind == RevisionKind.Submission).OrderBy(r => r.Number).Select(r => r.Number).ToList() })
                .SingleAsync();
            return (stage.ProjectId, stage.Numbers);
        });
        Assert.Equal(2, submissions.Count);
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");

        var page = await coordinator.GetPageAsync($"/proyectos/{project}/etapas/validacion/comparar?desde={submissions[0]}&hasta={submissions[1]}");

        var field = page.QuerySelectorAll("section.change-field").Single(s => s.GetAttribute("aria-label") == "Conclusiones");
        var diff = field.QuerySelector(".word-diff")!;
        Assert.StartsWith("La demanda está validada", diff.TextContent, StringComparison.Ordinal);
        var inserted = Assert.Single(diff.QuerySelectorAll("ins"));
        Assert.StartsWith("[agregado: ", inserted.TextContent, StringComparison.Ordinal);
        Assert.Contains("hay que prever capacitación del personal", inserted.TextContent, StringComparison.Ordinal);
        Assert.Equal("[agregado: ", inserted.QuerySelector(".visually-hidden")!.TextContent);
        // One text with marks, not the two versions side by side.
        Assert.Empty(field.QuerySelectorAll(".col-md-6"));
    }
}
