using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>A second look before what cannot be undone, and panel texts that say what is going on.</summary>
public class PanelConfirmationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> AllScores(string command, int skip = -1)
    {
        var values = new Dictionary<string, string> { ["Command"] = command };
        for (var i = 0; i < 6; i++)
        {
            if (i != skip)
            {
                values[$"Scores[{i}].Score"] = "4";
            }

            values[$"Scores[{i}].Comment"] = $"Comentario {i}";
        }

        return values;
    }

    [Fact]
    public async Task SendingTheEvaluation_AsksForConfirmation_AndGoingBackKeepsItAsADraft()
    {
        var project = await factory.ProjectIdAsync("bahiablanca");
        await factory.OpenPanelAsync(project);
        var me = await factory.NewExpertAsync("Confirma Envio");
        var assignment = await factory.AssignAsync(project, me.Id);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("confirma.envio@experto.example");
        var url = $"/panel/proyectos/{project}/evaluacion";
        var status = () => factory.WithDbAsync(db => db.PanelEvaluations.Where(e => e.AssignmentId == assignment).Select(e => (EvaluationStatus?)e.Status).SingleOrDefaultAsync());

        var confirmation = await client.SubmitFormAsync(url, "#form-evaluacion", AllScores("enviar"));

        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var page = await PortalClient.ParseAsync(confirmation);
        Assert.Contains("queda bloqueada", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Sí, enviar evaluación", "No, guardar como borrador"], page.QuerySelectorAll("form.confirm-step button").Select(b => b.TextContent.Trim()));
        Assert.Null(await status());

        var back = await client.ConfirmAsync(confirmation, url, new() { ["Command"] = "guardar" });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(EvaluationStatus.Draft, await status());
        var draft = await client.GetPageAsync(url);
        Assert.Equal("4", draft.QuerySelector("input[name='Scores[5].Score']:checked")!.GetAttribute("value"));

        var sent = await client.ConfirmAsync(await client.SubmitFormAsync(url, "#form-evaluacion", AllScores("enviar")), url, new() { ["Command"] = "enviar" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(EvaluationStatus.Submitted, await status());
    }

    [Fact]
    public async Task SendingWithAnUnscoredCriterion_NamesThatCriterionInTheErrorSummary()
    {
        var project = await factory.ProjectIdAsync("jesusmaria");
        await factory.OpenPanelAsync(project);
        var me = await factory.NewExpertAsync("Resumen Criterio");
        await factory.AssignAsync(project, me.Id);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("resumen.criterio@experto.example");
        var url = $"/panel/proyectos/{project}/evaluacion";
        var third = await factory.WithDbAsync(db => db.RubricCriteria.Where(c => c.Edition.Projects.Any(p => p.Id == project)).OrderBy(c => c.Order).Skip(2).Select(c => c.Name).FirstAsync());

        var response = await client.SubmitFormAsync(url, "#form-evaluacion", AllScores("enviar", skip: 2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Null(page.QuerySelector("form.confirm-step"));
        Assert.Equal($"Falta puntuar el criterio «{third}».", page.QuerySelector(".alert-danger")!.TextContent.Trim());
    }

    [Fact]
    public async Task Publishing_WithEvaluationsMissing_WarnsAndNamesWhoIsMissing_BeforePublishing()
    {
        var project = await factory.ProjectIdAsync("bariloche");
        await factory.OpenPanelAsync(project);
        var done = await factory.NewExpertAsync("Ya Envio");
        await factory.SubmitEvaluationAsync(await factory.AssignAsync(project, done.Id), 4, "Bien", "Recomendación enviada");
        var pending = await factory.NewExpertAsync("Todavia Pendiente");
        await factory.AssignAsync(project, pending.Id);
        var declined = await factory.NewExpertAsync("Con Conflicto");
        await factory.AssignAsync(project, declined.Id, ConflictDeclaration.Declined);
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var summary = $"/coordinacion/panel/proyectos/{project}";

        var confirmation = await coordinator.SubmitFormAsync(summary, $"form[action='{summary}/publicar']", new Dictionary<string, string>());

        var page = await PortalClient.ParseAsync(confirmation);
        var warning = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("solo 1 de 3 expertos asignados enviaron su evaluación", warning, StringComparison.Ordinal);
        Assert.Equal(["Todavia Pendiente: sin empezar", "Con Conflicto: declinó por conflicto"], page.QuerySelectorAll("[role=alert] li").Select(li => li.TextContent.Trim()));
        Assert.False(await factory.WithDbAsync(db => db.PanelPublications.AnyAsync(p => p.ProjectId == project)));
        Assert.Equal(summary, page.QuerySelector("form.confirm-step a")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.ConfirmAsync(confirmation, $"{summary}/publicar")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.PanelPublications.AnyAsync(p => p.ProjectId == project)));
    }

    [Fact]
    public async Task DeclinedExpert_ShowsAsDeclined_NotAsNotStarted_ToCoordinationAndToTheExpert()
    {
        var project = await factory.ProjectIdAsync("gualeguaychu");
        await factory.OpenPanelAsync(project);
        var declined = await factory.NewExpertAsync("Declina Siempre");
        await factory.AssignAsync(project, declined.Id, ConflictDeclaration.Declined);
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");

        foreach (var url in new[] { $"/coordinacion/panel/proyectos/{project}", "/coordinacion/panel" })
        {
            var row = (await coordinator.GetPageAsync(url)).QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Declina Siempre", StringComparison.Ordinal));
            Assert.Contains("Declinó por conflicto", row.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Sin empezar", row.TextContent, StringComparison.Ordinal);
        }

        using var expert = factory.CreatePortalClient();
        await expert.SignInAsync("declina.siempre@experto.example");
        var own = (await expert.GetPageAsync("/panel")).QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Gualeguaychú", StringComparison.Ordinal));
        Assert.Contains("Declinaste por conflicto", own.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpertsWayIn_SaysTheDeclarationMayBeYesOrNo()
    {
        using var expert = factory.CreatePortalClient();
        await expert.SignInAsync("experto2@programa.example");

        // The expert also evaluated Tandil in the closed 2021 edition; the way in is the one of the edition in course.
        var tandil = await factory.ProjectIdAsync("tandil");
        var link = (await expert.GetPageAsync("/panel")).QuerySelectorAll("a.btn")
            .Single(a => a.TextContent.Contains("Tandil", StringComparison.Ordinal) && (a.GetAttribute("href") ?? "").Contains($"/{tandil}", StringComparison.Ordinal));

        Assert.Equal("Declarar conflicto de interés (sí o no) con el proyecto de Tandil", link.TextContent.Trim());
    }

    [Theory]
    [InlineData("admin@programa.example", true)]
    [InlineData("coordinacion@programa.example", false)]
    public async Task AssignForm_WithNoExpertLeftToAssign_SaysHowToInviteOne(string email, bool linksToInvitations)
    {
        // Tandil's open panel already has both demo experts; this class adds none to it.
        var tandil = await factory.ProjectIdAsync("tandil");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);

        var section = (await client.GetPageAsync("/coordinacion/panel")).QuerySelector($"#proyecto-{tandil}")!.ParentElement!;

        Assert.Null(section.QuerySelector("form.assign-form"));
        var hint = section.QuerySelector(".no-assignable-experts")!;
        Assert.Contains("No queda ninguna persona experta sin asignar", hint.TextContent, StringComparison.Ordinal);
        Assert.Equal(linksToInvitations, hint.QuerySelector("a[href='/admin/usuarios/invitar']") is not null);
        Assert.Contains("«Experto»", hint.TextContent, StringComparison.Ordinal);
    }
}
