using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

public class PanelPublicationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(int Project, int Recommendation)> EvaluatedProjectAsync(string slug, string expertName, string recommendation)
    {
        var project = await factory.ProjectIdAsync(slug);
        await factory.OpenPanelAsync(project);
        var expert = await factory.NewExpertAsync(expertName);
        var id = await factory.SubmitEvaluationAsync(await factory.AssignAsync(project, expert.Id), 4, "Comentario sobre el criterio", recommendation);
        return (project, id);
    }

    [Fact]
    public async Task Team_SeesNothingBeforePublication_AndTheResultAfterTheCoordinatorPublishes()
    {
        var (project, _) = await EvaluatedProjectAsync("bariloche", "Dolores Publica", "Sumar un tablero de reclamos abierto.");
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("bariloche@programa.example");

        var before = await team.GetPageAsync($"/proyectos/{project}/mesa");
        Assert.Contains("Todavía no hay devolución publicada", before.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Dolores", before.Body.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("tablero de reclamos", before.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Empty(before.QuerySelectorAll("form.response-form"));

        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var published = await coordinator.SubmitFormAsync($"/coordinacion/panel/proyectos/{project}", $"form[action='/coordinacion/panel/proyectos/{project}/publicar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var after = await team.GetPageAsync($"/proyectos/{project}/mesa");
        Assert.Contains("Sumar un tablero de reclamos abierto.", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dolores Publica", after.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("4,00", after.Body.TextContent, StringComparison.Ordinal);

        // Another team never reaches it, before or after publication.
        using var other = factory.CreatePortalClient();
        await other.SignInAsync("tandil@programa.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/proyectos/{project}/mesa")).StatusCode);
    }

    [Fact]
    public async Task PublishedResult_ShowsExpertsAsNumbers_WhenTheEditionAnonymisesThem()
    {
        var (project, _) = await EvaluatedProjectAsync("bahiablanca", "Ernesto Secreto", "Medir el tiempo de respuesta.");
        await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync(e => e.Projects.Any(p => p.Id == project));
            edition.AnonymizeExperts = true;
            await db.SaveChangesAsync();
        });
        await factory.PublishAsync(project);
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("bahiablanca@programa.example");

        var page = await team.GetPageAsync($"/proyectos/{project}/mesa");
        Assert.Contains("Experto 1", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Medir el tiempo de respuesta.", page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ernesto", page.Body.InnerHtml, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.SingleAsync(e => e.Projects.Any(p => p.Id == project));
            edition.AnonymizeExperts = false;
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task TeamAnswers_AndCoordinatorFollowUp_Persist_AndClosingApprovesTheStage()
    {
        var (project, recommendation) = await EvaluatedProjectAsync("jesusmaria", "Fabián Sigue", "Capacitar al personal de atención.");
        await factory.PublishAsync(project);
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("jesusmaria@programa.example");
        var url = $"/proyectos/{project}/mesa";
        var selector = $"#recomendacion-{recommendation} form";

        var missing = await team.SubmitFormAsync(url, selector, new Dictionary<string, string> { ["Decision"] = nameof(RecommendationDecision.Accepts), ["Action"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Contá qué acción", (await PortalClient.ParseAsync(missing)).QuerySelector($"#r{recommendation}-Action-error")!.TextContent, StringComparison.Ordinal);

        var answered = await team.SubmitFormAsync(url, selector, new Dictionary<string, string>
        {
            ["Decision"] = nameof(RecommendationDecision.PartiallyAccepts),
            ["Action"] = "Dos jornadas de capacitación en marzo.",
            ["TargetDate"] = "2022-03-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var summaryUrl = $"/coordinacion/panel/proyectos/{project}";
        var followed = await coordinator.SubmitFormAsync(summaryUrl, $"form[action='/coordinacion/panel/proyectos/{project}/recomendaciones/{recommendation}/seguimiento']",
            new Dictionary<string, string> { ["Status"] = nameof(FollowUpStatus.InProgress), ["Note"] = "Primera jornada hecha." });
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var response = await db.RecommendationResponses.SingleAsync(r => r.RecommendationId == recommendation);
            Assert.Equal(RecommendationDecision.PartiallyAccepts, response.Decision);
            Assert.Equal("Dos jornadas de capacitación en marzo.", response.Action);
            Assert.Equal(new DateOnly(2022, 3, 31), response.TargetDate);
            Assert.Equal(FollowUpStatus.InProgress, response.FollowUp);
            Assert.Equal("Primera jornada hecha.", response.FollowUpNote);
        });
        var teamPage = await team.GetPageAsync(url);
        Assert.Contains("En curso", teamPage.QuerySelector($"#recomendacion-{recommendation}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Primera jornada hecha.", teamPage.Body!.TextContent, StringComparison.Ordinal);

        var closed = await coordinator.SubmitFormAsync(summaryUrl, $"form[action='/coordinacion/panel/proyectos/{project}/cerrar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(StageState.Approved, await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == project && s.StageDefinition.Role == StageRole.ExpertPanel).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task Coordinator_CannotAnswerForTheTeam()
    {
        var (project, recommendation) = await EvaluatedProjectAsync("gualeguaychu", "Gala Mira", "Publicar datos abiertos.");
        await factory.PublishAsync(project);
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var page = await coordinator.GetPageAsync($"/proyectos/{project}/mesa");
        Assert.Contains("Publicar datos abiertos.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form.response-form"));
        Assert.Null(await factory.WithDbAsync(db => db.RecommendationResponses.SingleOrDefaultAsync(r => r.RecommendationId == recommendation)));
    }

    [Fact]
    public async Task AfterPublication_EvaluationsCannotBeReopened_NorAnsweredRecommendationsRemoved()
    {
        var (project, recommendation) = await EvaluatedProjectAsync("tandil", "Hilda Publicada", "Medir la satisfacción de quien hace el trámite.");
        var assignment = await factory.WithDbAsync(db => db.PanelRecommendations.Where(r => r.Id == recommendation).Select(r => r.Evaluation.AssignmentId).SingleAsync());
        await factory.PublishAsync(project);
        await factory.WithDbAsync(async db =>
        {
            db.RecommendationResponses.Add(new RecommendationResponse
            {
                RecommendationId = recommendation,
                Decision = RecommendationDecision.Accepts,
                Action = "Encuesta al terminar el trámite.",
                RespondedAtUtc = factory.Time.GetUtcNow().UtcDateTime,
                FollowUp = FollowUpStatus.Pending,
            });
            await db.SaveChangesAsync();
        });

        // The coordinator is not offered to reopen, and a forged post is refused.
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var summaryUrl = $"/coordinacion/panel/proyectos/{project}";
        var summary = await coordinator.GetPageAsync(summaryUrl);
        var reopenSelector = $"form[action='/coordinacion/panel/proyectos/{project}/asignaciones/{assignment}/reabrir']";
        Assert.Null(summary.QuerySelector(reopenSelector));
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)summary.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var reopen = await coordinator.Http.PostAsync($"{summaryUrl}/asignaciones/{assignment}/reabrir",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        Assert.Contains("ya se publicó", (await coordinator.GetPageAsync(summaryUrl)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.Submitted, await factory.WithDbAsync(db => db.PanelEvaluations.Where(e => e.AssignmentId == assignment).Select(e => e.Status).SingleAsync()));

        // Even with the evaluation back in draft (as a reopening before this rule left it),
        // saving never deletes a recommendation the team answered, nor so its answer.
        await factory.WithDbAsync(async db =>
        {
            var evaluation = await db.PanelEvaluations.SingleAsync(e => e.AssignmentId == assignment);
            evaluation.Status = EvaluationStatus.Draft;
            await db.SaveChangesAsync();
        });
        using var expert = factory.CreatePortalClient();
        await expert.SignInAsync("hilda.publicada@experto.example");
        var removal = await expert.SubmitFormAsync($"/panel/proyectos/{project}/evaluacion", "#form-evaluacion",
            new Dictionary<string, string> { ["Command"] = "guardar", ["Recommendations[0].Remove"] = "true" });
        Assert.Equal(HttpStatusCode.OK, removal.StatusCode);
        Assert.Contains("el equipo ya respondió", (await PortalClient.ParseAsync(removal)).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.PanelRecommendations.AnyAsync(r => r.Id == recommendation)));
        Assert.Equal("Encuesta al terminar el trámite.", await factory.WithDbAsync(db => db.RecommendationResponses.Where(r => r.RecommendationId == recommendation).Select(r => r.Action).SingleAsync()));
    }
}
