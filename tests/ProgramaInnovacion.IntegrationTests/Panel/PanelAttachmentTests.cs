using System.Net;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

public class PanelAttachmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AssignedExpert_SeesTheFilesOfTheApprovedDeliverables_AndDownloadsThem()
    {
        var tandil = await factory.ProjectIdAsync("tandil");
        var expert = await factory.NewExpertAsync("descargadora");
        await factory.AssignAsync(tandil, expert.Id);
        var attachment = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "plan de obra.pdf");
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", attachment);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("descargadora@experto.example");

        var url = $"/panel/proyectos/{tandil}/adjuntos/{attachment}";
        var page = await client.GetPageAsync($"/panel/proyectos/{tandil}");
        Assert.Equal("plan de obra.pdf", page.QuerySelector($"dl.deliverable a[href='{url}']")!.TextContent);
        var print = await client.GetPageAsync($"/panel/proyectos/{tandil}/imprimir");
        Assert.NotNull(print.QuerySelector($"dl.deliverable a[href='{url}']"));

        var download = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("plan de obra.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(AttachmentTestData.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ExpertDownloads_OfFilesTheyMayNotRead_AreNotFound()
    {
        var tandil = await factory.ProjectIdAsync("tandil");
        var bariloche = await factory.ProjectIdAsync("bariloche");
        var approved = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "aprobado.pdf");
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", approved);
        var notListed = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "subido-sin-usar.pdf");
        var laterDraft = await factory.StoreAttachmentAsync(tandil, "prototipo", "borrador-posterior.pdf");
        await factory.ReferenceInLaterDraftAsync(tandil, "prototipo", laterDraft);
        // Another project's file, even when Tandil's approved content names its id, stays out of reach.
        var otherProject = await factory.StoreAttachmentAsync(bariloche, "prototipo", "de-bariloche.pdf");
        await factory.ReferenceInSubmissionAsync(bariloche, "prototipo", otherProject);
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", otherProject);
        var bytesGone = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "sin-bytes.pdf", withBytes: false);
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", bytesGone);

        var assigned = await factory.NewExpertAsync("asignada");
        await factory.AssignAsync(tandil, assigned.Id);
        var pending = await factory.NewExpertAsync("pendiente");
        await factory.AssignAsync(tandil, pending.Id, ConflictDeclaration.Pending);
        await factory.NewExpertAsync("ajena");

        async Task AssertNotFoundAsync(string email, params string[] urls)
        {
            using var client = factory.CreatePortalClient();
            await client.SignInAsync(email);
            foreach (var url in urls)
            {
                var response = await client.Http.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email}: GET {url} respondió {(int)response.StatusCode}");
            }
        }

        string Url(int project, int attachment) => $"/panel/proyectos/{project}/adjuntos/{attachment}";
        await AssertNotFoundAsync("ajena@experto.example", Url(tandil, approved));
        await AssertNotFoundAsync("pendiente@experto.example", Url(tandil, approved));
        await AssertNotFoundAsync("asignada@experto.example",
            Url(tandil, notListed), Url(tandil, laterDraft), Url(tandil, otherProject), Url(bariloche, otherProject), Url(tandil, bytesGone), Url(tandil, 999999));

        using var expert = factory.CreatePortalClient();
        await expert.SignInAsync("asignada@experto.example");
        var page = await expert.GetPageAsync($"/panel/proyectos/{tandil}");
        Assert.NotNull(page.QuerySelector($"a[href='{Url(tandil, approved)}']"));
        Assert.Null(page.QuerySelector($"a[href='{Url(tandil, otherProject)}']"));
        Assert.DoesNotContain("de-bariloche.pdf", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("borrador-posterior.pdf", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await expert.Http.GetAsync(Url(tandil, approved))).StatusCode);
    }

    [Fact]
    public async Task CoordinatorsPrintView_LinksFilesToTheProjectDownload()
    {
        var tandil = await factory.ProjectIdAsync("tandil");
        var attachment = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "para-coordinacion.pdf");
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", attachment);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");

        var print = await client.GetPageAsync($"/coordinacion/panel/proyectos/{tandil}/imprimir");

        var href = $"/proyectos/{tandil}/adjuntos/{attachment}";
        Assert.Equal("para-coordinacion.pdf", print.QuerySelector($"dl.deliverable a[href='{href}']")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(href)).StatusCode);
    }
}
