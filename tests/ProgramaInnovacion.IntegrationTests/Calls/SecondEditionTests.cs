using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Municipalities;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Calls;

/// <summary>
/// Issue 18's check, as a new user would try it: a second edition for three new cities, run from the
/// survey to the selection to their first stage through the portal's pages only — no code change, no
/// database edit (the database is only read, to assert what it holds).
/// </summary>
public partial class SecondEditionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string EditionName = "Segunda edición: tres ciudades nuevas";

    private static readonly (string Code, string Name, string Province, string Population, string Contact, int Answer)[] Cities =
    [
        ("260707", "Esquel", "Chubut", "32.758", "equipo@esquel.example", 1),
        ("740049", "Villa Mercedes", "San Luis", "111.000", "equipo@villamercedes.example", 2),
        ("500077", "San Rafael", "Mendoza", "210.000", "equipo@sanrafael.example", 4),
    ];

    [GeneratedRegex(@"https?://[^\s]+/invitacion/([A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task SecondEdition_ForThreeNewCities_RunsFromSurveyToSelectionToTheirFirstStage_ThroughThePagesOnly()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        // 1. The administrator creates the edition from the stages of the edition in course, and imports the three cities.
        var creation = await admin.GetPageAsync("/admin/ediciones/nueva");
        var source = creation.QuerySelectorAll("#Form_CopyFromEditionId option").Single(o => o.TextContent.Trim() == DemoSeeder.CurrentEditionName).GetAttribute("value")!;
        var created = await admin.SubmitFormAsync(creation, "form.edition-form", new Dictionary<string, string>
        {
            ["Form.Name"] = EditionName,
            ["Form.Theme"] = "Trámites en línea",
            ["Form.StartDate"] = "2027-03-01",
            ["Form.CopyFromEditionId"] = source,
        }, "/admin/ediciones/nueva");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editionPath = created.Headers.Location!.OriginalString;
        var editionId = int.Parse(editionPath.Split('/')[^1], CultureInfo.InvariantCulture);

        var csv = "codigo;nombre;provincia;poblacion\n" + string.Concat(Cities.Select(c => $"{c.Code};{c.Name};{c.Province};{c.Population}\n"));
        var preview = await MunicipalityImportClient.PreviewAsync(admin, Encoding.Latin1.GetBytes(csv));
        Assert.Equal("3", preview.QuerySelector(".import-summary .import-new")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await MunicipalityImportClient.ConfirmAsync(admin, preview)).StatusCode);
        var ids = new Dictionary<string, int>();
        foreach (var city in Cities)
        {
            var list = await admin.GetPageAsync("/admin/municipios?buscar=" + city.Code);
            var row = Assert.Single(list.QuerySelectorAll("table tbody tr"));
            ids[city.Name] = int.Parse(row.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture);
        }

        Assert.Contains("Ciudad grande", (await admin.GetPageAsync("/admin/municipios?buscar=500077")).QuerySelector("table tbody tr")!.TextContent, StringComparison.Ordinal);

        // 2. Relevamiento: the campaign, and each city answers through its private link (no account).
        await MovePhaseAsync(admin, editionPath, EditionPhase.Survey);
        var campaign = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/relevamiento", "form.campaign-form", new Dictionary<string, string>
        {
            ["Form.Name"] = "Relevamiento federal 2027",
            ["Form.OpensAt"] = "2026-11-01T00:00",
            ["Form.ClosesAt"] = "2026-12-01T00:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, campaign.StatusCode);
        foreach (var city in Cities)
        {
            var links = await admin.GetPageAsync($"/admin/ediciones/{editionId}/relevamiento?provincia={Uri.EscapeDataString(city.Province)}");
            var link = new Uri(links.QuerySelector($"#link-{ids[city.Name]}")!.GetAttribute("value")!).AbsolutePath;
            using var municipality = factory.CreatePortalClient();
            var survey = await municipality.GetPageAsync(link);
            Assert.Contains(city.Name, survey.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
            var answers = survey.QuerySelectorAll($"input[type=radio][value='{city.Answer}']").ToDictionary(i => i.GetAttribute("name")!, _ => city.Answer.ToString(CultureInfo.InvariantCulture));
            answers["accion"] = "enviar";
            Assert.Equal(HttpStatusCode.Redirect, (await municipality.SubmitFormAsync(link, "form.survey-form", answers)).StatusCode);
        }

        var distribution = (await admin.GetPageAsync($"/admin/ediciones/{editionId}/relevamiento")).QuerySelectorAll("table.survey-distribution tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent, tr => tr.QuerySelector("td")!.TextContent);
        Assert.Equal(("1", "1", "0", "1"), (distribution["Inicial"], distribution["En desarrollo"], distribution["Intermedio"], distribution["Avanzado"]));

        // 3. Convocatoria: scheduled in Argentina time; each city applies with its team and its letter.
        await MovePhaseAsync(admin, editionPath, EditionPhase.CallOpen);
        var scheduled = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/convocatoria", "form[action$='/convocatoria']", new Dictionary<string, string>
        {
            ["Form.OpensAt"] = "2026-11-10T09:00",
            ["Form.ClosesAt"] = "2026-11-30T00:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        foreach (var city in Cities)
        {
            using var applicant = factory.CreatePortalClient();
            var call = await applicant.GetPageAsync($"/convocatorias/{editionId}");
            var option = call.QuerySelectorAll("#Form_MunicipalityId option").Single(o => o.TextContent.Trim() == $"{city.Name} ({city.Province})");
            var started = await applicant.SubmitFormAsync(call, "form.application-start", new Dictionary<string, string>
            {
                ["Form.MunicipalityId"] = option.GetAttribute("value")!,
                ["Form.ContactName"] = "Equipo de " + city.Name,
                ["Form.ContactEmail"] = city.Contact,
            }, $"/convocatorias/{editionId}");
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            var path = started.Headers.Location!.OriginalString;
            var form = await applicant.GetPageAsync(path);
            var submitted = await CallTestData.PostApplicationAsync(applicant, form, path, new Dictionary<string, string>
            {
                ["Form.Challenge"] = $"Habilitaciones comerciales en línea en {city.Name}",
                ["Form.Motivation"] = "Queremos que ningún trámite exija ir al municipio.",
                ["Form.Members[0].Name"] = "Equipo de " + city.Name,
                ["Form.Members[0].Email"] = city.Contact,
                ["Form.Command"] = "enviar",
            }, CallTestData.LetterPdf);
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        // 4. Selección: scores, a justified decision for each city, the matrix, one confirmation.
        await MovePhaseAsync(admin, editionPath, EditionPhase.Selection);
        var selection = await admin.GetPageAsync($"/admin/ediciones/{editionId}/seleccion");
        var applications = selection.QuerySelectorAll($"a[href^='/admin/ediciones/{editionId}/seleccion/postulaciones/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, applications.Count);
        foreach (var url in applications)
        {
            var page = await admin.GetPageAsync(url);
            var scores = page.QuerySelectorAll("select[name^='puntajes']").ToDictionary(s => s.GetAttribute("name")!, _ => "4");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(page, "form[action$='/puntajes']", scores, url)).StatusCode);
            page = await admin.GetPageAsync(url);
            var fields = PortalClient.FormFields(page, "form[action$='/decision']", new Dictionary<string, string> { ["justificacion"] = "Completa una celda vacía de la matriz con un desafío claro y la carta firmada." });
            fields.Add(new("decision", "Selected"));
            Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostAsync(url + "/decision", new FormUrlEncodedContent(fields))).StatusCode);
        }

        selection = await admin.GetPageAsync($"/admin/ediciones/{editionId}/seleccion");
        var covered = selection.QuerySelectorAll("table.selection-matrix td").Select(td => td.TextContent.Trim()).Where(t => t.StartsWith("Cubierta", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Cubierta: Esquel", "Cubierta: San Rafael", "Cubierta: Villa Mercedes"], covered.Order());
        var confirm = PortalClient.FormFields(selection, "form[action$='/confirmar']", new Dictionary<string, string> { ["confirmado"] = "true" });
        var confirmed = await admin.Http.PostAsync($"/admin/ediciones/{editionId}/seleccion/confirmar", new FormUrlEncodedContent(confirm));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Confirmamos la selección", (await admin.GetPageAsync(confirmed.Headers.Location!.OriginalString)).QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        await MovePhaseAsync(admin, editionPath, EditionPhase.Running);

        // 5. The teams are invited; Esquel's accepts, signs in and saves its first stage.
        var token = Assert.Single(await InvitationTokensAsync(Cities[0].Contact));
        using (var invited = factory.CreatePortalClient())
        {
            var accepted = await invited.SubmitFormAsync($"/invitacion/{token}", "form.accept-form", new Dictionary<string, string>
            {
                ["Form.DisplayName"] = "Equipo de Esquel",
                ["Form.Password"] = "Esquel-2027-Cordillera!",
                ["Form.ConfirmPassword"] = "Esquel-2027-Cordillera!",
            });
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var team = factory.CreatePortalClient();
        await team.SignInAsync(Cities[0].Contact, "Esquel-2027-Cordillera!");
        var home = await team.GetPageAsync("/");
        var stageUrl = home.QuerySelector("a.btn-primary[href*='/etapas/']")!.GetAttribute("href")!;
        var stage = await team.GetPageAsync(stageUrl);
        var firstField = stage.QuerySelector($"{StageForms.FormSelector} textarea[name^='f.'], {StageForms.FormSelector} input[type=text][name^='f.']")!;
        var name = firstField.GetAttribute("name")!;
        var saved = await StageForms.PostAsync(team, stage, stageUrl + "/guardar", new Dictionary<string, string> { [name] = "Habilitaciones comerciales sin ir al municipio" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await team.GetPageAsync(stageUrl);
        Assert.Contains("Borrador guardado", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var projects = await factory.WithDbAsync(db => db.Projects.Where(p => p.EditionId == editionId)
            .Select(p => new { p.Municipality.Name, Revisions = db.DeliverableRevisions.Count(r => r.Deliverable.ProjectStage.ProjectId == p.Id) }).ToListAsync());
        Assert.Equal(["Esquel", "San Rafael", "Villa Mercedes"], projects.Select(p => p.Name).Order());
        Assert.Equal(1, projects.Single(p => p.Name == "Esquel").Revisions);
        foreach (var city in Cities.Skip(1))
        {
            Assert.Single(await InvitationTokensAsync(city.Contact));
        }
    }

    private static async Task MovePhaseAsync(PortalClient admin, string editionPath, EditionPhase next)
    {
        var page = await admin.GetPageAsync(editionPath);
        var response = await admin.SubmitFormAsync(page, $"form[action$='/fase']:has(input[value='{next}'])", new Dictionary<string, string>(), editionPath);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"{next.Label()} (fase actual)", (await admin.GetPageAsync(editionPath)).QuerySelector(".edition-phases [aria-current=step]")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<List<string>> InvitationTokensAsync(string email)
    {
        await factory.DeliverMailAsync();
        return Directory.GetFiles(factory.MailPickupPath, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == email))
            .Select(m => InvitationLink().Match(m.TextBody ?? "").Groups[1].Value)
            .Where(t => t.Length > 0)
            .ToList();
    }
}
