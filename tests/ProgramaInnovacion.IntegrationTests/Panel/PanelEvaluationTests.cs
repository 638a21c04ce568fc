using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

public class PanelEvaluationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> AllScores(int score, string command)
    {
        var values = new Dictionary<string, string> { ["Command"] = command };
        for (var i = 0; i < 6; i++)
        {
            values[$"Scores[{i}].Score"] = score.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values[$"Scores[{i}].Comment"] = $"Comentario {i}";
        }

        return values;
    }

    [Fact]
    public async Task Expert_SeesNoOtherEvaluationBeforeSubmitting_AndSeesThemAfter()
    {
        var project = await factory.ProjectIdAsync("bahiablanca");
        await factory.OpenPanelAsync(project);
        var other = await factory.NewExpertAsync("Beatriz Otra");
        var otherAssignment = await factory.AssignAsync(project, other.Id);
        await factory.SubmitEvaluationAsync(otherAssignment, 2, "Opinión reservada de Beatriz", "Recomendación reservada de Beatriz");
        var me = await factory.NewExpertAsync("Ciega");
        await factory.AssignAsync(project, me.Id);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("Ciega@experto.example");
        var url = $"/panel/proyectos/{project}/evaluacion";

        var before = await client.GetPageAsync(url);
        Assert.NotNull(before.QuerySelector("#form-evaluacion"));
        Assert.DoesNotContain("Beatriz", before.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(before.QuerySelector("#otras-evaluaciones"));

        var draft = await client.SubmitFormAsync(url, "#form-evaluacion", AllScores(4, "guardar"));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var stillBlind = await client.GetPageAsync(url);
        Assert.DoesNotContain("Beatriz", stillBlind.Body!.InnerHtml, StringComparison.Ordinal);

        var submitted = await client.ConfirmAsync(await client.SubmitFormAsync(url, "#form-evaluacion", AllScores(4, "enviar")), url, new() { ["Command"] = "enviar" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var after = await client.GetPageAsync(url);
        Assert.Null(after.QuerySelector("#form-evaluacion"));
        var others = after.QuerySelector("#otras-evaluaciones")!.ParentElement!.TextContent;
        Assert.Contains("Beatriz Otra", others, StringComparison.Ordinal);
        Assert.Contains("Opinión reservada de Beatriz", others, StringComparison.Ordinal);
        Assert.Contains("3,00", others, StringComparison.Ordinal); // average of 4 and 2 on every criterion
    }

    [Fact]
    public async Task Expert_ScoresRecommendsAndSubmits_ThenTheEvaluationIsLocked()
    {
        var project = await factory.ProjectIdAsync("jesusmaria");
        await factory.OpenPanelAsync(project);
        var me = await factory.NewExpertAsync("Completa");
        var assignment = await factory.AssignAsync(project, me.Id);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("Completa@experto.example");
        var url = $"/panel/proyectos/{project}/evaluacion";

        var values = AllScores(5, "agregar");
        values["NewRecommendation.Category"] = nameof(RecommendationCategory.Financial);
        values["NewRecommendation.Priority"] = nameof(RecommendationPriority.High);
        values["NewRecommendation.Text"] = "Buscar cofinanciamiento provincial.";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, "#form-evaluacion", values)).StatusCode);

        var second = new Dictionary<string, string>
        {
            ["Command"] = "agregar",
            ["NewRecommendation.Category"] = nameof(RecommendationCategory.Management),
            ["NewRecommendation.Priority"] = nameof(RecommendationPriority.Low),
            ["NewRecommendation.Text"] = "Recomendación que después se quita.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, "#form-evaluacion", second)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, "#form-evaluacion", new Dictionary<string, string> { ["Command"] = "guardar", ["Recommendations[1].Remove"] = "true" })).StatusCode);

        // Submitting with an unscored criterion keeps what was typed and says what is missing.
        var incomplete = AllScores(5, "enviar");
        incomplete.Remove("Scores[2].Score");
        incomplete["Scores[2].Comment"] = "Texto que no se pierde";
        var page = await client.GetPageAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#form-evaluacion")!;
        foreach (var radio in form.QuerySelectorAll("input[name='Scores[2].Score']").Cast<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            radio.IsChecked = false;
        }

        var rejected = await client.SubmitFormAsync(page, "#form-evaluacion", incomplete, url);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var rejectedPage = await PortalClient.ParseAsync(rejected);
        Assert.Contains("Elegí un puntaje", rejectedPage.QuerySelector("#Scores_2__Score-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Texto que no se pierde", rejectedPage.QuerySelector("#Scores_2__Comment")!.TextContent);

        var confirmation = await client.SubmitFormAsync(url, "#form-evaluacion", AllScores(5, "enviar"));
        Assert.Equal(EvaluationStatus.Draft, await factory.WithDbAsync(db => db.PanelEvaluations.Where(e => e.AssignmentId == assignment).Select(e => e.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.ConfirmAsync(confirmation, url, new() { ["Command"] = "enviar" })).StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var evaluation = await db.PanelEvaluations.Include(e => e.Scores).Include(e => e.Recommendations).AsSingleQuery().SingleAsync(e => e.AssignmentId == assignment);
            Assert.Equal(EvaluationStatus.Submitted, evaluation.Status);
            Assert.Equal(6, evaluation.Scores.Count(s => s.Score == 5));
            var recommendation = Assert.Single(evaluation.Recommendations);
            Assert.Equal(RecommendationCategory.Financial, recommendation.Category);
            Assert.Equal("Buscar cofinanciamiento provincial.", recommendation.Text);
        });

        // Locked: posting again changes nothing until a coordinator reopens it.
        var page2 = await client.GetPageAsync($"/panel/proyectos/{project}");
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)page2.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var locked = AllScores(1, "guardar");
        locked["__RequestVerificationToken"] = token;
        await client.Http.PostAsync(url, new FormUrlEncodedContent(locked));
        Assert.Equal(6, await factory.WithDbAsync(db => db.EvaluationScores.CountAsync(s => s.Evaluation.AssignmentId == assignment && s.Score == 5)));

        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var reopen = await coordinator.SubmitFormAsync($"/coordinacion/panel/proyectos/{project}", $"form[action='/coordinacion/panel/proyectos/{project}/asignaciones/{assignment}/reabrir']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        Assert.NotNull((await client.GetPageAsync(url)).QuerySelector("#form-evaluacion"));
        Assert.Equal(EvaluationStatus.Draft, await factory.WithDbAsync(db => db.PanelEvaluations.Where(e => e.AssignmentId == assignment).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Coordinator_AssignsAnExpert_WhoIsNotifiedByEmail_AndSeesTheProject()
    {
        var project = await factory.ProjectIdAsync("gualeguaychu");
        await factory.OpenPanelAsync(project);
        var expert = await factory.NewExpertAsync("Notificada");
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");

        var response = await coordinator.SubmitFormAsync("/coordinacion/panel", $"form[action='/coordinacion/panel/proyectos/{project}/asignaciones']", new Dictionary<string, string> { ["ExpertId"] = expert.Id });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await factory.DeliverMailAsync();
        var mails = Directory.GetFiles(factory.MailPickupPath, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("Notificada@experto.example", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Single(mails);
        Assert.Contains($"/panel/proyectos/{project}", mails[0], StringComparison.Ordinal);

        using var client = factory.CreatePortalClient();
        await client.SignInAsync("Notificada@experto.example");
        Assert.Contains("Gualeguaychú", (await client.GetPageAsync("/panel")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorSummary_ShowsWeightedAverageSpreadFlagAndRanking_AndExportsExcel()
    {
        var project = await factory.ProjectIdAsync("bariloche");
        await factory.OpenPanelAsync(project);
        var high = await factory.NewExpertAsync("Alta");
        var low = await factory.NewExpertAsync("Baja");
        await factory.SubmitEvaluationAsync(await factory.AssignAsync(project, high.Id), 5, "Muy bueno", "Recomendación técnica de Alta");
        await factory.SubmitEvaluationAsync(await factory.AssignAsync(project, low.Id), 2, "Flojo", "Recomendación técnica de Baja");
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");

        var summary = await coordinator.GetPageAsync($"/coordinacion/panel/proyectos/{project}");
        var text = summary.Body!.TextContent;
        Assert.Contains("3,50", text, StringComparison.Ordinal);
        Assert.Equal(6, summary.QuerySelectorAll(".disagreement").Length);
        Assert.Contains("Técnica", summary.QuerySelector("#recomendaciones")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var overview = await coordinator.GetPageAsync("/coordinacion/panel");
        var row = overview.QuerySelector("#ranking")!.ParentElement!.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Bariloche", StringComparison.Ordinal));
        Assert.Contains("3,50", row.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("—", row.QuerySelector("td")!.TextContent.Trim());

        var excel = await coordinator.Http.GetAsync("/coordinacion/panel/exportar");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        var bytes = await excel.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        using var stream = new MemoryStream(bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Recomendaciones").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["Recomendación"] == "Recomendación técnica de Alta");
    }
}
