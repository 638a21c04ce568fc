using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>
/// What people type reaches the database as they meant it, or they are told why not, beside the
/// field: es-AR numbers, draft saves that cannot read a value, values over their limit, uploads.
/// </summary>
public class DeliverableInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Coordinator = "coordinacion@programa.example";

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    private Task<JsonObject> StoredContentAsync(int projectId, string key) =>
        factory.WithDbAsync(async db => JsonNode.Parse(await db.Deliverables
            .Where(d => d.ProjectStage.ProjectId == projectId && d.ProjectStage.StageDefinition.Key == key)
            .Select(d => d.ContentJson).SingleAsync())!.AsObject());

    private static string InputValue(IDocument page, string id) => (page.QuerySelector("#" + id) as IHtmlInputElement)!.Value;

    // ---- Defect 2: numbers typed the Argentine way ----

    [Fact]
    public async Task Numbers_TypedTheArgentineWay_AreStoredAsMeant_AndShownInEsArInTheFormTheComparisonAndTheReview()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "gualeguaychu");
        var stageId = await StageForms.SetStateAsync(factory, "gualeguaychu", "prueba", StageState.InProgress);
        var values = StageForms.ValidValues(await StageForms.SchemaAsync(factory, "prueba"));
        using var team = await SignedInAsync("gualeguaychu@programa.example");
        var url = $"/proyectos/{projectId}/etapas/prueba";

        values["f.participantes"] = "1.250";
        var first = await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/guardar", values);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stored = (await StoredContentAsync(projectId, "prueba"))["participantes"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, stored.GetValueKind());
        Assert.Equal(1250m, stored.GetValue<decimal>());
        var form = await team.GetPageAsync(url);
        Assert.Equal("1.250", InputValue(form, "f-participantes"));

        // Saving the form as shown changes nothing; then a second value for the comparison.
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(team, form, url + "/guardar")).StatusCode);
        Assert.Equal(1250m, (await StoredContentAsync(projectId, "prueba"))["participantes"]!.GetValue<decimal>());
        values["f.participantes"] = "1.300,5";
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/guardar", values)).StatusCode);

        var numbers = await factory.WithDbAsync(db => db.DeliverableRevisions.Where(r => r.Deliverable.ProjectStageId == stageId).OrderByDescending(r => r.Number).Select(r => r.Number).Take(2).ToListAsync());
        var compare = await team.GetPageAsync($"/proyectos/{projectId}/etapas/prueba/comparar?desde={numbers[1]}&hasta={numbers[0]}");
        var participants = compare.QuerySelectorAll("section.change-field").Single(s => s.GetAttribute("aria-label") == "Cantidad de participantes").TextContent;
        Assert.Contains("1.250", participants, StringComparison.Ordinal);
        Assert.Contains("1.300,5", participants, StringComparison.Ordinal);
        Assert.DoesNotContain("1250", participants, StringComparison.Ordinal);

        var submitted = await StageForms.SubmitAsync(team, await team.GetPageAsync(url), url, values);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        using var coordinator = await SignedInAsync(Coordinator);
        var review = await coordinator.GetPageAsync($"{url}/revision");
        var dl = review.QuerySelectorAll("dl.deliverable dt").Single(dt => dt.TextContent == "Cantidad de participantes");
        Assert.Equal("1.300,5", dl.NextElementSibling!.TextContent.Trim());
    }

    [Fact]
    public async Task AnAmbiguousNumber_IsKeptAsTyped_OnADraft_AndRefusedOnSubmit_WithBothReadingsBesideTheField()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        await StageForms.SetStateAsync(factory, "jesusmaria", "prueba", StageState.InProgress);
        var values = StageForms.ValidValues(await StageForms.SchemaAsync(factory, "prueba"));
        values["f.participantes"] = "1,250";
        using var team = await SignedInAsync("jesusmaria@programa.example");
        var url = $"/proyectos/{projectId}/etapas/prueba";

        var draft = await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/guardar", values);

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var page = await PortalClient.ParseAsync(draft);
        const string Message = "«Cantidad de participantes»: «1,250» se puede leer como 1.250 o como 1,25. Escribí 1.250 (o 1250) para el primero, o 1,25 para el segundo.";
        Assert.Equal(Message, page.QuerySelector("#f-participantes-error")!.TextContent.Trim());
        Assert.Equal("1,250", InputValue(page, "f-participantes"));
        Assert.Contains("Borrador guardado", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1,250", (await StoredContentAsync(projectId, "prueba"))["participantes"]!.GetValue<string>());

        var submit = await StageForms.SubmitAsync(team, page, url, values);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal(Message, (await PortalClient.ParseAsync(submit)).QuerySelector("#f-participantes-error")!.TextContent.Trim());
        Assert.Equal(StageState.InProgress, await StageForms.StateAsync(factory, "jesusmaria", "prueba"));
    }

    // ---- Defect 11: a draft save never loses data ----

    [Fact]
    public async Task DraftSave_WithAnUnreadableRowCount_KeepsEveryRow_AndSaysWhy()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        await StageForms.SetStateAsync(factory, "tandil", "validacion", StageState.InProgress);
        using var team = await SignedInAsync("tandil@programa.example");
        var url = $"/proyectos/{projectId}/etapas/validacion";
        var rows = new Dictionary<string, string> { ["f.supuestos.filas"] = "3", ["f.conclusiones"] = "Conclusiones escritas" };
        for (var i = 0; i < 3; i++)
        {
            rows[$"f.supuestos.{i}.enunciado"] = $"Supuesto {i + 1}";
            rows[$"f.supuestos.{i}.metodo"] = "Entrevista";
            rows[$"f.supuestos.{i}.resultado"] = "Validado";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/guardar", rows)).StatusCode);
        async Task<List<string>> StoredRowsAsync() =>
            (await StoredContentAsync(projectId, "validacion"))["supuestos"]!.AsArray().Select(r => r!["enunciado"]!.GetValue<string>()).ToList();
        var before = await StoredRowsAsync();
        Assert.Equal(["Supuesto 1", "Supuesto 2", "Supuesto 3"], before.Take(3));

        // The same rows, posted with a row count that does not read.
        var page = await team.GetPageAsync(url);
        var response = await StageForms.PostAsync(team, page, url + "/guardar", new Dictionary<string, string> { ["f.supuestos.filas"] = "abc" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await StoredRowsAsync());
        var answer = await PortalClient.ParseAsync(response);
        Assert.StartsWith("No se pudo leer cuántas filas tiene «Supuestos» («abc»)", answer.QuerySelector("#f-supuestos-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("Borrador guardado (versión", answer.QuerySelector("[role=status]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("Supuesto 3", InputValue(answer, "f-supuestos-2-enunciado"));
        Assert.Equal(before.Count.ToString(CultureInfo.InvariantCulture), answer.QuerySelector("input[name='f.supuestos.filas']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task DraftSave_WithAMegabyteInAField_CutsItToItsLimit_KeepsTheRestOfTheForm_AndDoesNotEchoItWhole()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bariloche");
        await StageForms.SetStateAsync(factory, "bariloche", "desafio", StageState.InProgress);
        using var team = await SignedInAsync("bariloche@programa.example");
        var url = $"/proyectos/{projectId}/etapas/desafio";
        var megabyte = new string('x', 1024 * 1024);

        var response = await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/guardar", new Dictionary<string, string>
        {
            ["f.pregunta"] = megabyte,
            ["f.area"] = "Secretaría de Modernización",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length < 200_000, $"La página devolvió {body.Length} caracteres.");
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("«Pregunta «¿Cómo podríamos…?»» admite como máximo 300 caracteres y llegaron 1.048.576: se conservaron los primeros 300. Revisá el final del texto.", page.QuerySelector("#f-pregunta-error")!.TextContent.Trim());
        var stored = await StoredContentAsync(projectId, "desafio");
        Assert.Equal(new string('x', 300), stored["pregunta"]!.GetValue<string>());
        Assert.Equal("Secretaría de Modernización", stored["area"]!.GetValue<string>());
        Assert.Equal(300, InputValue(page, "f-pregunta").Length);

        // A submit with a cut value is not accepted: the team must look at it first.
        var values = StageForms.ValidValues(await StageForms.SchemaAsync(factory, "desafio"));
        values["f.pregunta"] = megabyte;
        var submit = await StageForms.SubmitAsync(team, page, url, values);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Equal(StageState.InProgress, await StageForms.StateAsync(factory, "bariloche", "desafio"));
    }

    [Fact]
    public async Task DraftSave_WithAnImpossibleDateAndAValueThatIsNotAnOption_KeepsThemAsTyped_AndSaysWhyBesideEach()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        await StageForms.SetStateAsync(factory, "bahiablanca", "prueba", StageState.InProgress);
        await StageForms.SetStateAsync(factory, "bahiablanca", "prototipo", StageState.InProgress);
        using var team = await SignedInAsync("bahiablanca@programa.example");

        var testUrl = $"/proyectos/{projectId}/etapas/prueba";
        var dated = await StageForms.PostAsync(team, await team.GetPageAsync(testUrl), testUrl + "/guardar", new Dictionary<string, string> { ["f.fecha"] = "2021-13-01", ["f.lugar"] = "Delegación Norte" });
        Assert.Equal(HttpStatusCode.OK, dated.StatusCode);
        var datedPage = await PortalClient.ParseAsync(dated);
        Assert.Equal("«Fecha» debe ser una fecha válida (día, mes y año).", datedPage.QuerySelector("#f-fecha-error")!.TextContent.Trim());
        Assert.Equal("2021-13-01", InputValue(datedPage, "f-fecha"));
        var storedTest = await StoredContentAsync(projectId, "prueba");
        Assert.Equal("2021-13-01", storedTest["fecha"]!.GetValue<string>());
        Assert.Equal("Delegación Norte", storedTest["lugar"]!.GetValue<string>());

        var prototypeUrl = $"/proyectos/{projectId}/etapas/prototipo";
        var chosen = await StageForms.PostAsync(team, await team.GetPageAsync(prototypeUrl), prototypeUrl + "/guardar", new Dictionary<string, string> { ["f.tipo"] = "Holograma" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var chosenPage = await PortalClient.ParseAsync(chosen);
        Assert.Equal("Elegí una de las opciones de «Tipo de prototipo».", chosenPage.QuerySelector("#f-tipo-error")!.TextContent.Trim());
        Assert.Equal("Holograma", (chosenPage.QuerySelector("#f-tipo") as IHtmlSelectElement)!.Value);
        Assert.Equal("Holograma", (await StoredContentAsync(projectId, "prototipo"))["tipo"]!.GetValue<string>());
    }

    // ---- Defect 12: a refused upload stores nothing; several files are all kept ----

    private static readonly byte[] Pdf = "%PDF-1.4\n%prueba\n"u8.ToArray();

    private static MultipartFormDataContent UploadForm(IDocument page, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in StageForms.Fields(page, StageForms.FormSelector))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent("adjuntos"), "campo");
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "f.adjuntos.archivo", name);
        }

        return content;
    }

    private int StoredFileCount()
    {
        var folder = Path.Combine(factory.Database.DataPath, "uploads");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    private Task<List<string>> AttachmentNamesAsync(int projectId) =>
        factory.WithDbAsync(db => db.Attachments.Where(a => a.Deliverable.ProjectStage.ProjectId == projectId).OrderBy(a => a.Id).Select(a => a.OriginalFileName).ToListAsync());

    [Fact]
    public async Task Upload_WithAStaleVersion_IsRefused_AndStoresNoFile()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        await StageForms.SetStateAsync(factory, "tandil", "prototipo", StageState.InProgress);
        var url = $"/proyectos/{projectId}/etapas/prototipo";
        using var first = await SignedInAsync("tandil@programa.example");
        using var second = await SignedInAsync("tandil@programa.example");
        var stalePage = await second.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(first, await first.GetPageAsync(url), url + "/guardar", new Dictionary<string, string> { ["f.descripcion"] = "Guardado antes" })).StatusCode);
        var filesBefore = StoredFileCount();
        var attachmentsBefore = await factory.WithDbAsync(db => db.Attachments.CountAsync());

        var response = await second.Http.PostAsync(url + "/adjuntos", UploadForm(stalePage, ("tarde.pdf", Pdf)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("No se sobrescribió nada y el archivo no se subió", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(attachmentsBefore, await factory.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(filesBefore, StoredFileCount());
        Assert.Empty(await AttachmentNamesAsync(projectId));
    }

    [Fact]
    public async Task Upload_TwoFilesInOneRequest_KeepsBoth_ListedAndDownloadable()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "gualeguaychu");
        await StageForms.SetStateAsync(factory, "gualeguaychu", "prototipo", StageState.InProgress);
        var url = $"/proyectos/{projectId}/etapas/prototipo";
        using var team = await SignedInAsync("gualeguaychu@programa.example");

        var response = await team.Http.PostAsync(url + "/adjuntos", UploadForm(await team.GetPageAsync(url), ("plano.pdf", Pdf), ("notas.txt", "Notas de la prueba"u8.ToArray())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["plano.pdf", "notas.txt"], await AttachmentNamesAsync(projectId));
        var page = await team.GetPageAsync(url);
        Assert.Contains("Se subieron «plano.pdf» y «notas.txt»", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("#f-adjuntos a").Select(a => (a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        Assert.Equal(["plano.pdf", "notas.txt"], links.Select(l => l.TextContent));
        foreach (var (_, href) in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await team.Http.GetAsync(href)).StatusCode);
        }

        Assert.Equal(2, (await StoredContentAsync(projectId, "prototipo"))["adjuntos"]!.AsArray().Count);
    }

    [Fact]
    public async Task Upload_TwoFiles_OneRefused_StoresNeither_AndNamesTheRefusedOne()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        await StageForms.SetStateAsync(factory, "jesusmaria", "prototipo", StageState.InProgress);
        var url = $"/proyectos/{projectId}/etapas/prototipo";
        using var team = await SignedInAsync("jesusmaria@programa.example");
        var filesBefore = StoredFileCount();

        var response = await team.Http.PostAsync(url + "/adjuntos", UploadForm(await team.GetPageAsync(url), ("plano.pdf", Pdf), ("virus.pdf", "MZ\u0090\0"u8.ToArray())));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await PortalClient.ParseAsync(response)).QuerySelector("#f-adjuntos-error")!.TextContent;
        Assert.StartsWith("No se subió ninguno de los 2 archivos. El archivo «virus.pdf» no es de un tipo permitido", error.Trim(), StringComparison.Ordinal);
        Assert.Empty(await AttachmentNamesAsync(projectId));
        Assert.Equal(filesBefore, StoredFileCount());
    }
}
