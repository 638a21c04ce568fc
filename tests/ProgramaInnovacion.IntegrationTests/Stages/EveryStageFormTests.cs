using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

public class EveryStageFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EachTeamStageOfTheDemoEdition_CanBeFilledFromItsSchema_AndSubmitted()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        var stages = await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == projectId && s.StageDefinition.HasTeamForm)
            .OrderBy(s => s.StageDefinition.Order).Select(s => new { s.StageDefinition.Key, s.StageDefinition.SchemaJson }).ToListAsync());
        Assert.Equal(9, stages.Count);
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");

        foreach (var stage in stages)
        {
            await StageForms.SetStateAsync(factory, "tandil", stage.Key, StageState.InProgress);
            var url = $"/proyectos/{projectId}/etapas/{stage.Key}";
            var page = await team.GetPageAsync(url);
            var values = StageForms.ValidValues(StageSchema.FromJson(stage.SchemaJson));
            foreach (var name in values.Keys.Where(k => !k.EndsWith(".filas", StringComparison.Ordinal) && !k.Contains(".0.", StringComparison.Ordinal) && !k.Contains(".1.", StringComparison.Ordinal) && !k.Contains(".2.", StringComparison.Ordinal)))
            {
                Assert.True(page.QuerySelector($"[name='{name}']") is not null, $"{stage.Key}: el formulario no tiene el campo {name}.");
            }

            var response = await StageForms.SubmitAsync(team, page, url, values);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{stage.Key}: la entrega respondió {(int)response.StatusCode}: {(await PortalClient.ParseAsync(response)).QuerySelector("#resumen-errores")?.TextContent}");
            Assert.Equal(StageState.Submitted, await StageForms.StateAsync(factory, "tandil", stage.Key));
        }
    }
}
