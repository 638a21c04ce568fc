using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>PanelWorkflow's rules as a person meets them through the pages.</summary>
public class PanelWorkflowRulesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnExpertStillPending_WhenThePanelIsClosed_IsToldItIsClosed_AndNothingIsRecorded()
    {
        var project = await factory.ProjectIdAsync("gualeguaychu");
        await factory.OpenPanelAsync(project);
        var expert = await factory.NewExpertAsync("Tardía Cerrada");
        var assignment = await factory.AssignAsync(project, expert.Id, ConflictDeclaration.Pending);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(expert.Email!);
        var page = await client.GetPageAsync($"/panel/proyectos/{project}");

        // Meanwhile the coordination publishes and closes the panel.
        await factory.PublishAsync(project);
        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.ProjectId == project && s.StageDefinition.Role == StageRole.ExpertPanel);
            db.ForceState(stage, StageState.Approved);
            (await db.PanelPublications.SingleAsync(p => p.ProjectId == project)).ClosedAtUtc = factory.Time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(page, "#form-declaracion", new Dictionary<string, string> { ["NoConflict"] = "true" }, $"/panel/proyectos/{project}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La mesa está cerrada: ya no se registran declaraciones.", (await PortalClient.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConflictDeclaration.Pending, await factory.WithDbAsync(db => db.PanelAssignments.Where(a => a.Id == assignment).Select(a => a.Declaration).SingleAsync()));
    }
}
