using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>
/// The team's way from the "Mesa de expertos" stage to the panel's published result: the home and
/// the stage page lead there, and never offer to "start" a stage that has no team form.
/// </summary>
public class PanelStageJourneyTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory factory;

    public PanelStageJourneyTests(PortalFactory factory)
    {
        this.factory = factory;
        // 75 days after the demo day: every due date of the edition in course, the panel's included (72 days), has passed.
        factory.Time.SetUtcNow(PortalFactory.DefaultNow.AddDays(75));
    }

    [Fact]
    public async Task TeamHomeAndPanelStage_SayThePanelIsEvaluating_ThenLeadToThePublishedResult_AndStayAfterClosing()
    {
        // The demo leaves Tandil's panel open with experts assigned and nothing published.
        var project = await factory.ProjectIdAsync("tandil");
        var resultLink = $"a[href='/proyectos/{project}/mesa']";
        var stageUrl = $"/proyectos/{project}/etapas/mesa-expertos";
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");

        var home = await team.GetPageAsync("/");
        var nextStep = home.QuerySelector(".card")!.TextContent;
        Assert.Contains("la mesa de expertos está evaluando el proyecto final", nextStep, StringComparison.Ordinal);
        Assert.DoesNotContain("Empezar", nextStep, StringComparison.Ordinal);
        Assert.DoesNotContain("ya está disponible para empezar", nextStep, StringComparison.Ordinal);
        var panelRow = home.QuerySelectorAll("ol.stage-list > li")[9].TextContent;
        Assert.DoesNotContain("vencida", panelRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Empezá el entregable", panelRow, StringComparison.Ordinal);
        var stage = await team.GetPageAsync(stageUrl);
        Assert.Contains("está evaluando el proyecto final", stage.QuerySelector(".panel-stage")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(stage.QuerySelector($".panel-stage {resultLink}"));

        await factory.PublishAsync(project);

        home = await team.GetPageAsync("/");
        var toResult = home.QuerySelector($".card {resultLink}");
        Assert.NotNull(toResult);
        Assert.Equal("Ver la devolución y el plan de acción", toResult.TextContent.Trim());
        Assert.Contains("publicó la devolución de la mesa de expertos", home.QuerySelector(".card")!.TextContent, StringComparison.Ordinal);
        stage = await team.GetPageAsync(stageUrl);
        Assert.Equal("Ver la devolución y el plan de acción", stage.QuerySelector($".panel-stage {resultLink}")!.TextContent.Trim());
        Assert.Contains("Devolución de la mesa de expertos", (await team.GetPageAsync($"/proyectos/{project}/mesa")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Once the coordinator closes the panel every stage is approved; the result is still one click away.
        await factory.WithDbAsync(async db =>
        {
            var panel = await db.ProjectStages.SingleAsync(s => s.ProjectId == project && s.StageDefinition.Role == StageRole.ExpertPanel);
            db.ForceState(panel, StageState.Approved);
            await db.SaveChangesAsync();
        });
        home = await team.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector($"[role=status] {resultLink}"));
        Assert.NotNull((await team.GetPageAsync(stageUrl)).QuerySelector($".panel-stage {resultLink}"));
    }

    [Fact]
    public async Task LockedPanelStage_SaysWhenItOpens_WithoutOfferingToStart()
    {
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("gualeguaychu@programa.example");
        var project = await factory.ProjectIdAsync("gualeguaychu");

        var row = (await team.GetPageAsync("/")).QuerySelectorAll("ol.stage-list > li")[9].TextContent;

        Assert.Contains("Se habilita cuando se apruebe el proyecto final", row, StringComparison.Ordinal);
        Assert.DoesNotContain("vencida", row, StringComparison.Ordinal);
        Assert.Equal(StageState.Locked, await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == project && s.StageDefinition.Role == StageRole.ExpertPanel).Select(s => s.State).SingleAsync()));
    }
}
