using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Administration;

/// <summary>
/// Values the server cannot read (a day that does not exist, a body that arrives broken) came back
/// with no message, the typed value cleared, or a message about file sizes. Now each says why, in
/// Spanish and in place, keeps what was typed and saves nothing.
/// </summary>
public class UnreadableValueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task StageTemplate_DueDateThatDoesNotExist_IsNamedBesideTheField_KeptAsTyped_AndNothingIsSaved()
    {
        var (editionId, stageId, name, due) = await factory.WithDbAsync(async db =>
        {
            var s = await db.StageDefinitions.OrderBy(d => d.EditionId).ThenBy(d => d.Order).FirstAsync(d => d.Key == "desafio");
            return (s.EditionId, s.Id, s.Name, s.DueAtUtc);
        });
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var response = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/etapas/{stageId}", "form.stage-form",
            new Dictionary<string, string> { ["Form.Name"] = "Nombre que no debe guardarse", ["Form.DueDate"] = "2021-02-30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("La fecha «2021-02-30» no existe", page.QuerySelector("#Form_DueDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2021-02-30", page.QuerySelector("#Form_DueDate")!.GetAttribute("value"));
        Assert.Equal("Nombre que no debe guardarse", page.QuerySelector("#Form_Name")!.GetAttribute("value"));
        var stored = await factory.WithDbAsync(db => db.StageDefinitions.Where(d => d.Id == stageId).Select(d => new { d.Name, d.DueAtUtc }).SingleAsync());
        Assert.Equal(name, stored.Name);
        Assert.Equal(due, stored.DueAtUtc);
    }

    [Fact]
    public async Task NewStage_DueDateThatDoesNotExist_IsNamedBesideTheField_KeptAsTyped_AndNoStageIsAdded()
    {
        var editionId = await factory.WithDbAsync(db => db.StageDefinitions.OrderBy(d => d.EditionId).Select(d => d.EditionId).FirstAsync());
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var response = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/etapas", "form.new-stage-form",
            new Dictionary<string, string> { ["NewStage.Name"] = "Etapa con fecha imposible", ["NewStage.Key"] = "fecha-imposible", ["NewStage.DueDate"] = "2021-02-30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("La fecha «2021-02-30» no existe", page.QuerySelector("#NewStage_DueDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2021-02-30", page.QuerySelector("#NewStage_DueDate")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.StageDefinitions.AnyAsync(d => d.Key == "fecha-imposible")));
    }

    [Fact]
    public async Task Deadlines_DayThatDoesNotExist_IsNamedWithWhatWasTyped_KeptInTheInput_AndNothingIsSaved()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var form = await admin.GetPageAsync("/coordinacion/vencimientos");
        var stageId = int.Parse(form.QuerySelector("[name='etapas[0].StageDefinitionId']")!.GetAttribute("value")!);
        var before = await factory.WithDbAsync(db => db.StageDefinitions.Where(d => d.Id == stageId).Select(d => d.DueAtUtc).SingleAsync());

        var response = await admin.SubmitFormAsync(form, "#form-vencimientos", new Dictionary<string, string> { ["etapas[0].Due"] = "2021-02-30T10:00" }, "/coordinacion/vencimientos");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("La fecha «2021-02-30T10:00» no existe", page.QuerySelector($"#vence-{stageId}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2021-02-30T10:00", page.QuerySelector($"#vence-{stageId}")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.StageDefinitions.Where(d => d.Id == stageId).Select(d => d.DueAtUtc).SingleAsync()));
    }

    [Theory]
    [InlineData("guardar")]
    [InlineData("entregar")]
    [InlineData("adjuntos")]
    public async Task StageForm_MalformedMultipartBody_SaysItCouldNotBeRead_NotThatTheFileIsTooBig(string action)
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");
        var body = new StringContent("--limite\r\nContent-Disposition: form-data; name=\"f.descripcion\"\r\n\r\nsin cierre", Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=limite");

        var response = await team.Http.PostAsync($"/proyectos/{projectId}/etapas/prototipo/{action}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await PortalClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("No se pudo leer lo que envió el navegador", text, StringComparison.Ordinal);
        Assert.DoesNotContain("20 MB", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mega")]
    [InlineData("99")]
    public async Task Municipality_CategoryThatIsNotAnOption_IsNamedBesideTheSelect_AndNothingIsSaved(string category)
    {
        var (id, name, stored) = await factory.WithDbAsync(async db =>
        {
            var m = await db.Municipalities.SingleAsync(x => x.Slug == "gualeguaychu");
            return (m.Id, m.Name, m.Category);
        });
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var response = await admin.SubmitFormAsync($"/admin/municipios/{id}", "form.municipality-form",
            new Dictionary<string, string> { ["Form.Name"] = "Nombre que no debe guardarse", ["Form.Category"] = category });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains($"«{category}»", page.QuerySelector("#Form_Category-error")!.TextContent, StringComparison.Ordinal);
        // No option stands in for the value that was not read: the person is asked to choose.
        Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlSelectElement)page.QuerySelector("#Form_Category")!).Value);
        Assert.Equal("Nombre que no debe guardarse", page.QuerySelector("#Form_Name")!.GetAttribute("value"));
        var after = await factory.WithDbAsync(db => db.Municipalities.Where(m => m.Id == id).Select(m => new { m.Name, m.Category }).SingleAsync());
        Assert.Equal(name, after.Name);
        Assert.Equal(stored, after.Category);
    }

    [Theory]
    [InlineData("Form.ShareApprovedDeliverables", "sí")]
    [InlineData("Form.AnonymizeExperts", "on-de-más")]
    [InlineData("Form.StartDate", "2021-02-30")]
    public async Task Edition_ValueThatIsNotAnOption_IsNamedBesideTheField_KeptAsSent_AndNothingIsSaved(string field, string value)
    {
        var (id, name) = await factory.WithDbAsync(async db =>
        {
            var e = await db.Editions.OrderBy(x => x.Id).FirstAsync();
            return (e.Id, e.Name);
        });
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var response = await admin.SubmitFormAsync($"/admin/ediciones/{id}", "form.edition-form",
            new Dictionary<string, string> { ["Form.Name"] = "Nombre que no debe guardarse", [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var fieldId = field.Replace('.', '_');
        Assert.Contains($"«{value}»", page.QuerySelector($"#{fieldId}-error")!.TextContent, StringComparison.Ordinal);
        var input = page.QuerySelector($"#{fieldId}")!;
        if (input.GetAttribute("type") == "checkbox")
        {
            Assert.True(input.HasAttribute("checked"));
        }
        else
        {
            Assert.Equal(value, input.GetAttribute("value"));
        }

        Assert.Equal(name, await factory.WithDbAsync(db => db.Editions.Where(e => e.Id == id).Select(e => e.Name).SingleAsync()));
    }

    [Theory]
    [InlineData("/admin/ediciones/{edition}", "form.edition-form", "Form.Name", 200, "hasta 200 caracteres")]
    [InlineData("/admin/municipios/{municipality}", "form.municipality-form", "Form.Name", 200, "hasta 200 caracteres")]
    [InlineData("/admin/ediciones/{edition}/etapas/{stage}", "form.stage-form", "Form.Name", 200, "hasta 200 caracteres")]
    [InlineData("/admin/ediciones/{edition}/etapas/{stage}/campos/nuevo", "form.field-form", "Form.Label", 200, "hasta 200 caracteres")]
    [InlineData("/admin/usuarios/invitar", "form.invite-form", "Form.DisplayName", 120, "hasta 120 caracteres")]
    [InlineData("/admin/usuarios/invitar", "form.invite-form", "Form.Email", 256, "256")]
    public async Task OverlongValue_IsRefusedInSpanish_AndShownBackOnlyUpToItsLimit_NotWhole(string urlTemplate, string form, string field, int limit, string message)
    {
        var (edition, stage, municipality) = await factory.WithDbAsync(async db =>
        {
            var s = await db.StageDefinitions.OrderBy(d => d.EditionId).ThenBy(d => d.Order).FirstAsync(d => d.Key == "desafio");
            return (s.EditionId, s.Id, await db.Municipalities.Where(m => m.Slug == "gualeguaychu").Select(m => m.Id).SingleAsync());
        });
        var url = urlTemplate.Replace("{edition}", edition.ToString()).Replace("{stage}", stage.ToString()).Replace("{municipality}", municipality.ToString());
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var huge = new string('x', 1_000_000) + (field == "Form.Email" ? "@programa.example" : "");

        var response = await admin.SubmitFormAsync(url, form, new Dictionary<string, string> { [field] = huge });

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Length < 200_000, $"The page carried {html.Length:N0} characters back.");
        var page = await PortalClient.ParseAsync(response);
        var id = field.Replace('.', '_');
        Assert.Contains(message, page.QuerySelector($"#{id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", page.QuerySelector($"#{id}-error")!.TextContent, StringComparison.Ordinal);
        var shown = page.QuerySelector($"[name='{field}']")!;
        var value = shown.LocalName == "textarea" ? shown.TextContent : shown.GetAttribute("value") ?? "";
        Assert.InRange(value.Length, 0, limit);
        Assert.False(await factory.WithDbAsync(db => db.Editions.AnyAsync(e => e.Name.Length > 1000)));
        Assert.False(await factory.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.Name.Length > 1000)));
        Assert.False(await factory.WithDbAsync(db => db.StageDefinitions.AnyAsync(d => d.Name.Length > 1000 || d.SchemaJson.Contains(huge.Substring(0, 1000)))));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.Length > 1000 || u.DisplayName.Length > 1000)));
    }
}
