using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Stages;

public class StageWorkspaceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Coordinator = "coordinacion@programa.example";

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task SaveDraft_WritesARevision_AndShowsTheTypedValues()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        var stageId = await StageForms.SetStateAsync(factory, "tandil", "casos", StageState.InProgress);
        var before = await factory.WithDbAsync(db => db.DeliverableRevisions.CountAsync(r => r.Deliverable.ProjectStageId == stageId));
        using var team = await SignedInAsync("tandil@programa.example");
        var url = $"/proyectos/{projectId}/etapas/casos";
        var page = await team.GetPageAsync(url);

        var response = await StageForms.PostAsync(team, page, url + "/guardar", new Dictionary<string, string>
        {
            ["f.casos.filas"] = "1",
            ["f.casos.0.ciudad"] = "Rosario",
            ["f.casos.0.pais"] = "Argentina",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await team.GetPageAsync(url);
        Assert.Contains("Borrador guardado", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Rosario", (after.QuerySelector("#f-casos-0-ciudad") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.DeliverableRevisions.CountAsync(r => r.Deliverable.ProjectStageId == stageId)));
    }

    [Fact]
    public async Task Submit_WithAMissingRequiredField_ShowsErrorsInPlace_AndKeepsTheDraft()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        var stageId = await StageForms.SetStateAsync(factory, "tandil", "ideacion", StageState.InProgress);
        var schema = await StageForms.SchemaAsync(factory, "ideacion");
        var values = StageForms.ValidValues(schema);
        values["f.seleccionada"] = "";
        values["f.criterios"] = "Costo y *plazo* de implementación";
        using var team = await SignedInAsync("tandil@programa.example");
        var url = $"/proyectos/{projectId}/etapas/ideacion";
        var page = await team.GetPageAsync(url);

        // Unconfirmed, as the form's own button posts it: an incomplete form gets its errors, not the confirmation step.
        var response = await StageForms.PostAsync(team, page, url + "/entregar", values);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await PortalClient.ParseAsync(response);
        Assert.Equal("Completá «Idea seleccionada».", html.QuerySelector("#f-seleccionada-error")!.TextContent.Trim());
        Assert.Equal("true", html.QuerySelector("#f-seleccionada")!.GetAttribute("aria-invalid"));
        Assert.NotNull(html.QuerySelector("#resumen-errores a[href='#f-seleccionada']"));
        Assert.Equal("Costo y *plazo* de implementación", html.QuerySelector("#f-criterios")!.TextContent);
        Assert.Equal(StageState.InProgress, await StageForms.StateAsync(factory, "tandil", "ideacion"));
        var stored = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == stageId).Select(d => d.ContentJson).SingleAsync());
        Assert.Contains("Costo y *plazo* de implementación", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewLoop_RequestChangesNeedsAComment_ResubmitThenApprove_OpensTheNextStage()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        var url = $"/proyectos/{projectId}/etapas/validacion";
        var values = StageForms.ValidValues(await StageForms.SchemaAsync(factory, "validacion"));
        using var team = await SignedInAsync("jesusmaria@programa.example");
        using var coordinator = await SignedInAsync(Coordinator);

        // The team resubmits the stage the coordinators sent back.
        var submitted = await StageForms.SubmitAsync(team, await team.GetPageAsync(url), url, values);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(StageState.Submitted, await StageForms.StateAsync(factory, "jesusmaria", "validacion"));

        var queue = await coordinator.GetPageAsync("/revision");
        Assert.NotNull(queue.QuerySelector($"a[href='{url}/revision']"));
        var review = await coordinator.GetPageAsync(url + "/revision");
        Assert.StartsWith("Revisión", review.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Jesús María", review.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var noComment = await StageForms.PostAsync(coordinator, review, url + "/revision/solicitar-cambios", new Dictionary<string, string> { ["comentario"] = " " }, "#form-solicitar-cambios");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Contains("hay que escribir un comentario", (await PortalClient.ParseAsync(noComment)).QuerySelector("#comentario-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StageState.Submitted, await StageForms.StateAsync(factory, "jesusmaria", "validacion"));

        var changes = await StageForms.PostAsync(coordinator, review, url + "/revision/solicitar-cambios", new Dictionary<string, string> { ["comentario"] = "Falta la **evidencia** del segundo supuesto." }, "#form-solicitar-cambios");
        Assert.Equal(HttpStatusCode.Redirect, changes.StatusCode);
        Assert.Equal(StageState.ChangesRequested, await StageForms.StateAsync(factory, "jesusmaria", "validacion"));

        var teamPage = await team.GetPageAsync(url);
        Assert.Contains("evidencia", teamPage.QuerySelector("#comentarios strong + time")?.ParentElement?.ParentElement?.TextContent ?? teamPage.QuerySelector("#comentarios")!.TextContent, StringComparison.Ordinal);
        values["f.conclusiones"] = "Conclusiones corregidas con la evidencia pedida.";
        var resubmitted = await StageForms.SubmitAsync(team, teamPage, url, values);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        var secondReview = await coordinator.GetPageAsync(url + "/revision");
        // The changes read as the new text with its changed words marked: without the struck-out words
        // and the screen-reader labels, it is the resubmitted text.
        var changesSection = secondReview.QuerySelector("#cambios-titulo")!.ParentElement!;
        Assert.NotEmpty(changesSection.QuerySelectorAll(".word-diff ins"));
        foreach (var hidden in changesSection.QuerySelectorAll(".word-diff del, .word-diff .visually-hidden").ToList())
        {
            hidden.Remove();
        }

        Assert.Contains("Conclusiones corregidas con la evidencia pedida.", changesSection.TextContent, StringComparison.Ordinal);
        var approved = await StageForms.PostAsync(coordinator, secondReview, url + "/revision/aprobar", null, "#form-aprobar");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        Assert.Equal(StageState.Approved, await StageForms.StateAsync(factory, "jesusmaria", "validacion"));
        Assert.Equal(StageState.Available, await StageForms.StateAsync(factory, "jesusmaria", "ideacion"));
        var timeline = await team.GetPageAsync($"/proyectos/{projectId}/historial");
        var text = timeline.QuerySelector("ol.timeline")!.TextContent;
        Assert.Contains("Cambios solicitados", text, StringComparison.Ordinal);
        Assert.Contains("Aprobación", text, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.StageApproved)));
    }

    [Fact]
    public async Task AnotherTeam_GetsNotFound_OnEveryStageUrl()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bariloche");
        var attachmentId = await factory.WithDbAsync(async db =>
        {
            var deliverable = await db.Deliverables.FirstAsync(d => d.ProjectStage.ProjectId == projectId);
            var user = await db.ProjectMembers.Where(m => m.ProjectId == projectId).Select(m => m.UserId).FirstAsync();
            var attachment = new Attachment { DeliverableId = deliverable.Id, FieldKey = "adjuntos", OriginalFileName = "plano.pdf", StoredName = "0123456789abcdef0123456789abcdef", ContentType = "application/pdf", UploadedById = user };
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync();
            return attachment.Id;
        });
        using var other = await SignedInAsync("tandil@programa.example");
        var token = await AntiforgeryTokenAsync(other);
        var stage = $"/proyectos/{projectId}/etapas/prototipo";

        foreach (var url in new[] { stage, stage + "/revisiones", stage + "/comparar?desde=1&hasta=2", $"/proyectos/{projectId}/adjuntos/{attachmentId}", $"/proyectos/{projectId}/historial" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        }

        foreach (var url in new[] { stage + "/guardar", stage + "/entregar", stage + "/comentarios", stage + "/adjuntos" })
        {
            var response = await other.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Version"] = "1", ["texto"] = "hola", ["campo"] = "adjuntos" }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.BodyMarkdown == "hola")));
    }

    private static async Task<string> AntiforgeryTokenAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/cuenta/cambiar-contrasena");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    [Fact]
    public async Task ConcurrentSaves_SecondGetsAConflictPageWithBothVersions_AndNothingIsOverwritten()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        var url = $"/proyectos/{projectId}/etapas/prueba";
        using var first = await SignedInAsync("bahiablanca@programa.example");
        using var second = await SignedInAsync("bahiablanca@programa.example");
        var pageOfFirst = await first.GetPageAsync(url);
        var pageOfSecond = await second.GetPageAsync(url);

        var saved = await StageForms.PostAsync(first, pageOfFirst, url + "/guardar", new Dictionary<string, string> { ["f.lugar"] = "Delegación Norte" });
        var conflict = await StageForms.PostAsync(second, pageOfSecond, url + "/guardar", new Dictionary<string, string> { ["f.lugar"] = "Centro cívico" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await PortalClient.ParseAsync(conflict);
        var panel = html.QuerySelector("section.conflict")!.TextContent;
        Assert.Contains("Delegación Norte", panel, StringComparison.Ordinal);
        Assert.Contains("Centro cívico", panel, StringComparison.Ordinal);
        Assert.Equal("Centro cívico", html.QuerySelector("#f-lugar")!.GetAttribute("value"));
        var stored = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStage.ProjectId == projectId && d.ProjectStage.StageDefinition.Key == "prueba").Select(d => d.ContentJson).SingleAsync());
        Assert.Contains("Delegación Norte", stored, StringComparison.Ordinal);

        // Merging: the conflict form carries the new version, so saving it again succeeds.
        var merged = await StageForms.PostAsync(second, html, url + "/guardar", new Dictionary<string, string> { ["f.lugar"] = "Delegación Norte y centro cívico" });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
    }

    [Fact]
    public async Task Uploads_OversizeWrongSignatureAndPathNames_AreRejectedWithAMessage_AValidPdfIsKeptAndDownloadable()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "tandil");
        await StageForms.SetStateAsync(factory, "tandil", "prototipo", StageState.InProgress);
        var url = $"/proyectos/{projectId}/etapas/prototipo";
        using var team = await SignedInAsync("tandil@programa.example");

        async Task<HttpResponseMessage> UploadAsync(string fileName, byte[] bytes)
        {
            var page = await team.GetPageAsync(url);
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in StageForms.Fields(page, StageForms.FormSelector, new Dictionary<string, string> { ["f.descripcion"] = "Descripción escrita antes de subir" }))
            {
                content.Add(new StringContent(value), name);
            }

            content.Add(new StringContent("adjuntos"), "campo");
            content.Add(new ByteArrayContent(bytes), "f.adjuntos.archivo", fileName);
            return await team.Http.PostAsync(url + "/adjuntos", content);
        }

        var pdf = "%PDF-1.4\n%prueba\n"u8.ToArray();
        var tooBig = await UploadAsync("grande.pdf", [.. pdf, .. new byte[(20 * 1024 * 1024) + 10]]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.StatusCode);
        var tooBigPage = await PortalClient.ParseAsync(tooBig);
        Assert.Contains("el máximo es 20 MB", tooBigPage.QuerySelector("#f-adjuntos-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Descripción escrita antes de subir", tooBigPage.QuerySelector("#f-descripcion")!.TextContent);

        var farTooBig = await UploadAsync("enorme.pdf", [.. pdf, .. new byte[30 * 1024 * 1024]]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, farTooBig.StatusCode);
        Assert.Contains("El archivo es demasiado grande", (await PortalClient.ParseAsync(farTooBig)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var disguised = await UploadAsync("informe.pdf", "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Contains("no es de un tipo permitido", (await PortalClient.ParseAsync(disguised)).QuerySelector("#f-adjuntos-error")!.TextContent, StringComparison.Ordinal);

        var traversal = await UploadAsync("../../x.pdf", pdf);
        Assert.Contains("no puede incluir carpetas", (await PortalClient.ParseAsync(traversal)).QuerySelector("#f-adjuntos-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Attachments.CountAsync(a => a.Deliverable.ProjectStage.ProjectId == projectId)));

        var ok = await UploadAsync("plano <b>.pdf", pdf);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var attachment = await factory.WithDbAsync(db => db.Attachments.SingleAsync(a => a.Deliverable.ProjectStage.ProjectId == projectId));
        Assert.NotEqual(attachment.OriginalFileName, attachment.StoredName);
        var stage = await team.GetPageAsync(url);
        Assert.Equal("plano <b>.pdf", stage.QuerySelector($"a[href='/proyectos/{projectId}/adjuntos/{attachment.Id}']")!.TextContent);
        Assert.Equal("Descripción escrita antes de subir", stage.QuerySelector("#f-descripcion")!.TextContent);

        var download = await team.Http.GetAsync($"/proyectos/{projectId}/adjuntos/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        using var other = await SignedInAsync("bariloche@programa.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/proyectos/{projectId}/adjuntos/{attachment.Id}")).StatusCode);
        var otherProject = await StageForms.ProjectIdAsync(factory, "bariloche");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/proyectos/{otherProject}/adjuntos/{attachment.Id}")).StatusCode);
    }

    [Fact]
    public async Task FormPageAndReviewPage_IssueTheSameNumberOfSqlCommands_With1And50Revisions()
    {
        var formProject = await StageForms.ProjectIdAsync(factory, "gualeguaychu");
        var formStage = await StageForms.SetStateAsync(factory, "gualeguaychu", "actores", StageState.InProgress);
        var reviewProject = await StageForms.ProjectIdAsync(factory, "bariloche");
        var reviewStage = await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == reviewProject && s.StageDefinition.Key == "prototipo").Select(s => s.Id).SingleAsync());
        await AddRevisionsAsync(formStage, 1, RevisionKind.Draft);
        await AddRevisionsAsync(reviewStage, 1, RevisionKind.Submission);
        using var team = await SignedInAsync("gualeguaychu@programa.example");
        using var coordinator = await SignedInAsync(Coordinator);
        var formUrl = $"/proyectos/{formProject}/etapas/actores";
        var reviewUrl = $"/proyectos/{reviewProject}/etapas/prototipo/revision";

        var formFew = await CountCommandsAsync(team, formUrl);
        var reviewFew = await CountCommandsAsync(coordinator, reviewUrl);
        await AddRevisionsAsync(formStage, 49, RevisionKind.Draft);
        await AddRevisionsAsync(reviewStage, 49, RevisionKind.Submission);
        var formMany = await CountCommandsAsync(team, formUrl);
        var reviewMany = await CountCommandsAsync(coordinator, reviewUrl);

        Assert.Equal(formFew, formMany);
        Assert.Equal(reviewFew, reviewMany);
    }

    [Fact]
    public async Task FirstSaveAndFirstComment_AuditTheDeliverableTheyCreate()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        string[] keys = ["proyecto-final", "prueba"];
        Assert.Equal(0, await factory.WithDbAsync(db => db.Deliverables.CountAsync(d => d.ProjectStage.ProjectId == projectId && keys.Contains(d.ProjectStage.StageDefinition.Key))));
        using var team = await SignedInAsync("jesusmaria@programa.example");

        var savedStage = await StageForms.SetStateAsync(factory, "jesusmaria", keys[0], StageState.Available);
        var saveUrl = $"/proyectos/{projectId}/etapas/{keys[0]}";
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(team, await team.GetPageAsync(saveUrl), saveUrl + "/guardar")).StatusCode);

        var commentedStage = await StageForms.SetStateAsync(factory, "jesusmaria", keys[1], StageState.Available);
        var commentUrl = $"/proyectos/{projectId}/etapas/{keys[1]}";
        var posted = await StageForms.PostAsync(team, await team.GetPageAsync(commentUrl), commentUrl + "/comentarios", new Dictionary<string, string> { ["texto"] = "Primer comentario" }, "form[action$='/comentarios']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var saved = await db.Deliverables.Where(d => d.ProjectStageId == savedStage).Select(d => d.Id).SingleAsync();
            var commented = await db.Deliverables.Where(d => d.ProjectStageId == commentedStage).Select(d => d.Id).SingleAsync();
            var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(Deliverable) && (a.Action == AuditActions.DraftSaved || a.Action == AuditActions.StageCommented)).ToListAsync();
            Assert.Contains(entries, a => a.Action == AuditActions.DraftSaved && a.EntityId == saved.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(entries, a => a.Action == AuditActions.StageCommented && a.EntityId == commented.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(entries, a => a.EntityId == null);
        });
    }

    [Fact]
    public async Task LatestSubmissions_AreReadByTheReviewPageOnly_NotByTheStageForm()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        var stageId = await StageForms.SetStateAsync(factory, "jesusmaria", "actores", StageState.Submitted);
        await AddRevisionsAsync(stageId, 2, RevisionKind.Submission);
        using var team = await SignedInAsync("jesusmaria@programa.example");
        using var coordinator = await SignedInAsync(Coordinator);
        var url = $"/proyectos/{projectId}/etapas/actores";

        var formCommands = await CommandsAsync(team, url);
        var reviewCommands = await CommandsAsync(coordinator, url + "/revision");

        Assert.Contains(reviewCommands, ReadsLatestSubmissions);
        Assert.DoesNotContain(formCommands, ReadsLatestSubmissions);
    }

    /// <summary>The "last two submissions" query: revisions newest first (SQLite quotes table aliases, PostgreSQL does not).</summary>
    private static bool ReadsLatestSubmissions(string sql) =>
        System.Text.RegularExpressions.Regex.IsMatch(sql, @"FROM ""DeliverableRevisions"" AS ""?(\w+)""?.*ORDER BY ""?\1""?\.""Number"" DESC", System.Text.RegularExpressions.RegexOptions.Singleline);

    private async Task<int> CountCommandsAsync(PortalClient client, string url) => (await CommandsAsync(client, url)).Count;

    private async Task<IReadOnlyList<string>> CommandsAsync(PortalClient client, string url)
    {
        await client.GetPageAsync(url); // warm-up: sign-in checks and caches
        return await factory.SqlCounter.RecordAsync(() => client.GetPageAsync(url));
    }

    private Task AddRevisionsAsync(int stageId, int count, RevisionKind kind) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Include(s => s.Deliverable).SingleAsync(s => s.Id == stageId);
            var author = await db.ProjectMembers.Where(m => m.ProjectId == stage.ProjectId).Select(m => m.UserId).FirstAsync();
            stage.Deliverable ??= new Deliverable { ContentJson = "{}" };
            var next = stage.Deliverable.Id == 0 ? 1 : (await db.DeliverableRevisions.Where(r => r.DeliverableId == stage.Deliverable.Id).MaxAsync(r => (int?)r.Number) ?? 0) + 1;
            for (var i = 0; i < count; i++)
            {
                var json = $"{{\"descripcion\":\"Versión {next + i}\",\"actores\":[{{\"nombre\":\"Actor {next + i}\"}}]}}";
                stage.Deliverable.Revisions.Add(new DeliverableRevision { Number = next + i, Kind = kind, ContentJson = json, AuthorId = author, CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime });
                stage.Deliverable.ContentJson = json;
            }

            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Comments_AreSanitisedMarkdown_AndAnEmptyOneIsRefusedWithAMessage()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        var url = $"/proyectos/{projectId}/etapas/casos";
        using var team = await SignedInAsync("bahiablanca@programa.example");
        await StageForms.SetStateAsync(factory, "bahiablanca", "casos", StageState.Available);
        var page = await team.GetPageAsync(url);

        var empty = await StageForms.PostAsync(team, page, url + "/comentarios", new Dictionary<string, string> { ["texto"] = "  " }, "form[action$='/comentarios']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("Escribí el comentario antes de enviarlo.", (await PortalClient.ParseAsync(empty)).QuerySelector("#comentario-texto-error")!.TextContent.Trim());

        var posted = await StageForms.PostAsync(team, page, url + "/comentarios", new Dictionary<string, string> { ["texto"] = "¿Sirve **este** caso? <script>alert(1)</script>" }, "form[action$='/comentarios']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        using var coordinator = await SignedInAsync(Coordinator);
        var seen = await coordinator.GetPageAsync(url);
        var thread = seen.QuerySelector("ol.comment-thread")!;
        Assert.Equal("este", thread.QuerySelector("strong:not(.text-body)")!.TextContent);
        Assert.Null(thread.QuerySelector("script"));
    }

    [Fact]
    public async Task UnlockAndReopen_NeedAReason()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "gualeguaychu");
        using var coordinator = await SignedInAsync(Coordinator);
        var url = $"/proyectos/{projectId}/etapas/casos";
        var page = await coordinator.GetPageAsync(url);

        var noReason = await StageForms.PostAsync(coordinator, page, url + "/desbloquear", new Dictionary<string, string> { ["motivo"] = "" }, "form[action$='/desbloquear']");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Indicá el motivo", (await PortalClient.ParseAsync(noReason)).QuerySelector("#motivo-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StageState.Locked, await StageForms.StateAsync(factory, "gualeguaychu", "casos"));

        var unlocked = await StageForms.PostAsync(coordinator, page, url + "/desbloquear", new Dictionary<string, string> { ["motivo"] = "Trabajan en paralelo con la facultad." }, "form[action$='/desbloquear']");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(StageState.Available, await StageForms.StateAsync(factory, "gualeguaychu", "casos"));

        var approvedUrl = $"/proyectos/{await StageForms.ProjectIdAsync(factory, "bariloche")}/etapas/desafio";
        var approvedPage = await coordinator.GetPageAsync(approvedUrl);
        var reopened = await StageForms.PostAsync(coordinator, approvedPage, approvedUrl + "/reabrir", new Dictionary<string, string> { ["motivo"] = "Cambió el área responsable." }, "form[action$='/reabrir']");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(StageState.InProgress, await StageForms.StateAsync(factory, "bariloche", "desafio"));
    }

    [Fact]
    public async Task Deadlines_EnteredInArgentinaTime_ShowAsDueAndOverdueOnTheTeamsStageList()
    {
        using var coordinator = await SignedInAsync(Coordinator);
        var page = await coordinator.GetPageAsync("/coordinacion/vencimientos");
        var ids = await factory.WithDbAsync(db => db.StageDefinitions.Where(d => (d.Key == "actores" || d.Key == "desafio") && d.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).OrderBy(d => d.Order).Select(d => d.Id).ToListAsync());
        var fields = StageForms.Fields(page, "#form-vencimientos");
        var index = (int id) => fields.First(f => f.Key.EndsWith(".StageDefinitionId", StringComparison.Ordinal) && f.Value == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Key.Split('.')[0];
        // Now is 16 Nov 2026, 11:00 in Argentina.
        var values = new Dictionary<string, string>
        {
            [index(ids[0]) + ".Due"] = "2026-11-14T18:00",
            [index(ids[1]) + ".Due"] = "2026-11-19T18:00",
        };
        var saved = await StageForms.PostAsync(coordinator, page, "/coordinacion/vencimientos", values, "#form-vencimientos");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new DateTime(2026, 11, 19, 21, 0, 0, DateTimeKind.Utc), await factory.WithDbAsync(db => db.StageDefinitions.Where(d => d.Id == ids[1]).Select(d => d.DueAtUtc).SingleAsync()));

        await StageForms.SetStateAsync(factory, "gualeguaychu", "desafio", StageState.InProgress);
        await StageForms.SetStateAsync(factory, "gualeguaychu", "actores", StageState.Available);
        using var team = await SignedInAsync("gualeguaychu@programa.example");
        var home = await team.GetPageAsync("/");
        var list = home.QuerySelector("ol.stage-list")!;
        Assert.Contains("vencida hace 2 días", list.Children[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.Children[0].QuerySelector(".overdue"));
        Assert.Contains("vence en 3 días", list.Children[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.Children[0].QuerySelector("a[href$='/etapas/desafio']"));
        Assert.Null(list.Children[9].QuerySelector("a"));
    }

    [Fact]
    public async Task Revisions_ListAndCompare_ShowTableRowsAddedAndChanged()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bahiablanca");
        var url = $"/proyectos/{projectId}/etapas/socios";
        await StageForms.SetStateAsync(factory, "bahiablanca", "socios", StageState.InProgress);
        using var team = await SignedInAsync("bahiablanca@programa.example");
        var first = await team.GetPageAsync(url);
        var values = StageForms.ValidValues(await StageForms.SchemaAsync(factory, "socios"));
        // Start from one row, as a person would: the demo's other rows are marked for removal
        // (rows that arrive are always read, whatever the row count says).
        var seededRows = int.Parse(first.QuerySelector("input[name='f.socios.filas']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
        var firstPost = new Dictionary<string, string>(values);
        for (var i = 1; i < seededRows; i++)
        {
            firstPost[$"f.socios.{i}.quitar"] = "1";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(team, first, url + "/guardar", firstPost)).StatusCode);
        var second = await team.GetPageAsync(url);
        values["f.socios.filas"] = "2";
        values["f.socios.0.aporte"] = "Datos abiertos del transporte";
        values["f.socios.1.organizacion"] = "Cooperativa eléctrica";
        Assert.Equal(HttpStatusCode.Redirect, (await StageForms.PostAsync(team, second, url + "/guardar", values)).StatusCode);

        var list = await team.GetPageAsync(url + "/revisiones");
        var numbers = list.QuerySelectorAll("tbody th[scope=row]").Select(t => int.Parse(t.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count >= 2);
        var compare = await team.GetPageAsync($"{url}/comparar?desde={numbers[1]}&hasta={numbers[0]}");
        var rows = compare.QuerySelectorAll("table.change-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Modificado", StringComparison.Ordinal) && r.Contains("Datos abiertos del transporte", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Agregado", StringComparison.Ordinal) && r.Contains("Cooperativa eléctrica", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddRow_WithoutJavaScript_ReRendersTheFormWithAnEmptyRow_AndKeepsTypedValues()
    {
        var projectId = await StageForms.ProjectIdAsync(factory, "bariloche");
        await StageForms.SetStateAsync(factory, "bariloche", "casos", StageState.Available);
        var url = $"/proyectos/{projectId}/etapas/casos";
        using var team = await SignedInAsync("bariloche@programa.example");
        var page = await team.GetPageAsync(url);

        var response = await StageForms.PostAsync(team, page, url + "/guardar", new Dictionary<string, string>
        {
            ["accion"] = "fila:casos",
            ["f.casos.filas"] = "1",
            ["f.casos.0.ciudad"] = "Montevideo",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PortalClient.ParseAsync(response);
        Assert.Equal("Montevideo", html.QuerySelector("#f-casos-0-ciudad")!.GetAttribute("value"));
        Assert.NotNull(html.QuerySelector("#f-casos-1-ciudad"));
        Assert.Equal("Ciudad u organización, fila 2", html.QuerySelector("#f-casos-1-ciudad")!.GetAttribute("aria-label"));
        Assert.Equal(StageState.Available, await StageForms.StateAsync(factory, "bariloche", "casos"));
    }
}
