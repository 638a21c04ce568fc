using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>"Entregar a la coordinación" cannot be undone by the team, so a complete form asks once more.</summary>
public class SubmitConfirmationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(PortalClient Team, string Url, int StageId, Dictionary<string, string> Values)> CompleteFormAsync(string key)
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        var stageId = await StageForms.SetStateAsync(factory, "tandil", key, StageState.InProgress);
        var values = StageForms.ValidValues(await StageForms.SchemaAsync(factory, key));
        var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");
        return (team, $"/proyectos/{projectId}/etapas/{key}", stageId, values);
    }

    private Task<int> RevisionsAsync(int stageId) =>
        factory.WithDbAsync(db => db.DeliverableRevisions.CountAsync(r => r.Deliverable.ProjectStageId == stageId));

    [Fact]
    public async Task Submit_OfACompleteForm_AsksForConfirmation_ThenSubmitsWhatWasTyped()
    {
        var (team, url, stageId, values) = await CompleteFormAsync("ideacion");
        using var _ = team;
        values["f.criterios"] = "Costo y plazo de implementación, confirmados";
        var revisionsBefore = await RevisionsAsync(stageId);

        var asked = await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/entregar", values);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = await PortalClient.ParseAsync(asked);
        Assert.Equal("Confirmá la entrega de «Ideación»", confirmation.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("no vas a poder editarla", confirmation.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var buttons = confirmation.QuerySelectorAll("form.confirm-step button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Sí, entregar a la coordinación", "No, guardar como borrador"], buttons);
        // Nothing happened yet: not submitted, no revision written.
        Assert.Equal(StageState.InProgress, await StageForms.StateAsync(factory, "tandil", "ideacion"));
        Assert.Equal(revisionsBefore, await RevisionsAsync(stageId));

        var confirmed = await team.Http.PostAsync(url + "/entregar", new FormUrlEncodedContent(PortalClient.FormFields(confirmation, "form.confirm-step")));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(StageState.Submitted, await StageForms.StateAsync(factory, "tandil", "ideacion"));
        var stored = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == stageId).Select(d => d.ContentJson).SingleAsync());
        Assert.Contains("Costo y plazo de implementación, confirmados", stored, StringComparison.Ordinal);
        var after = await team.GetPageAsync(url);
        Assert.Contains("Entregaste «Ideación»", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ThenNoSaveAsDraft_KeepsWhatWasTyped_AndDoesNotSubmit()
    {
        var (team, url, stageId, values) = await CompleteFormAsync("prototipo");
        using var _ = team;
        values["f.descripcion"] = "Prototipo navegable del turnero, todavía en revisión interna";
        var asked = await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/entregar", values);
        var confirmation = await PortalClient.ParseAsync(asked);
        var back = confirmation.QuerySelectorAll("form.confirm-step button").OfType<IHtmlButtonElement>().Single(b => b.TextContent.Trim() == "No, guardar como borrador");

        // The button's formaction sends the same values to the draft save.
        var saved = await team.Http.PostAsync(back.GetAttribute("formaction"), new FormUrlEncodedContent(PortalClient.FormFields(confirmation, "form.confirm-step")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(StageState.InProgress, await StageForms.StateAsync(factory, "tandil", "prototipo"));
        var stored = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == stageId).Select(d => d.ContentJson).SingleAsync());
        Assert.Contains("Prototipo navegable del turnero, todavía en revisión interna", stored, StringComparison.Ordinal);
        var after = await team.GetPageAsync(url);
        Assert.Contains("Borrador guardado", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
