using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Calls;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Survey;

public class SurveyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Link_AnswersForItsOwnMunicipalityOnly_StopsAtTheClose_ThenShowsItsResults()
    {
        var editionId = await CallTestData.EditionInCallAsync(factory, "Relevamiento 2022: enlaces", EditionPhase.Survey);
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var created = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/relevamiento", "form.campaign-form", new Dictionary<string, string>
        {
            ["Form.Name"] = "Relevamiento federal 2022",
            ["Form.OpensAt"] = "2026-11-01T00:00",
            ["Form.ClosesAt"] = "2026-12-01T00:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(6, await factory.WithDbAsync(db => db.SurveyDimensions.CountAsync(d => d.Campaign.EditionId == editionId)));

        var tandil = await factory.WithDbAsync(db => db.Municipalities.SingleAsync(m => m.Slug == "tandil"));
        var adminPage = await admin.GetPageAsync($"/admin/ediciones/{editionId}/relevamiento");
        var link = new Uri(adminPage.QuerySelector($"#link-{tandil.Id}")!.GetAttribute("value")!).AbsolutePath;

        using var municipality = factory.CreatePortalClient();
        var page = await municipality.GetPageAsync(link);
        Assert.Contains("Tandil", page.QuerySelector("p.lead")!.TextContent);
        var questions = page.QuerySelectorAll("input[type=radio][value='3']").Select(i => i.GetAttribute("name")!).ToList();
        Assert.Equal(18, questions.Count);
        var answers = questions.ToDictionary(q => q, _ => "3");
        answers["accion"] = "enviar";
        var sent = await municipality.SubmitFormAsync(link, "form.survey-form", answers);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var responses = await factory.WithDbAsync(db => db.SurveyResponses.Where(r => r.Campaign.EditionId == editionId).Select(r => new { r.MunicipalityId, r.Level, r.OverallScore, Answers = r.Answers.Count }).ToListAsync());
        var response = Assert.Single(responses);
        Assert.Equal(tandil.Id, response.MunicipalityId); // the link's municipality, whatever else the form says
        Assert.Equal(MaturityLevel.Intermediate, response.Level);
        Assert.Equal(18, response.Answers);

        // A link altered by hand opens nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await municipality.Http.GetAsync(link[..^4] + "AAAA")).StatusCode);

        // After the close (midnight in Argentina) the answers do not change, and the municipality sees its results.
        factory.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var closedPage = await municipality.GetPageAsync(link);
        Assert.True(closedPage.QuerySelector("form.survey-form fieldset")!.HasAttribute("disabled"));
        Assert.Equal("Intermedio", closedPage.QuerySelector(".survey-level")!.TextContent);
        Assert.NotNull(closedPage.QuerySelector(".survey-radar svg polygon"));
        var fields = PortalClient.FormFields(closedPage, "form.survey-form", questions.ToDictionary(q => q, _ => "0"));
        fields.Add(new("accion", "enviar"));
        await municipality.Http.PostAsync(link, new FormUrlEncodedContent(fields));
        Assert.Equal(MaturityLevel.Intermediate, await factory.WithDbAsync(db => db.SurveyResponses.Where(r => r.Campaign.EditionId == editionId).Select(r => r.Level).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.Response.Campaign.EditionId == editionId && a.Value == 0)));

        // The coordination's distribution and export count it (a new sign-in: the clock moved past the session's life).
        await admin.SignInAsync("admin@programa.example");
        adminPage = await admin.GetPageAsync($"/admin/ediciones/{editionId}/relevamiento?provincia=Buenos+Aires");
        var distribution = adminPage.QuerySelectorAll("table.survey-distribution tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => tr.QuerySelector("td")!.TextContent);
        Assert.Equal("1", distribution["Intermedio"]);
        var csv = await admin.Http.GetStringAsync($"/admin/ediciones/{editionId}/relevamiento/exportar?formato=csv");
        Assert.Contains("Tandil;Buenos Aires;Ciudad intermedia;150.000;3,00;3,00;3,00;3,00;3,00;3,00;3,00;Intermedio", csv);
        var xlsx = await admin.Http.GetAsync($"/admin/ediciones/{editionId}/relevamiento/exportar?formato=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }
}
