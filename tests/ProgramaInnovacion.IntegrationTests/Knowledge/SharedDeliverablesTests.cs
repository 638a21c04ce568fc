using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

public class SharedDeliverablesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ProjectIdAsync(string slug) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());

    private Task SetSharingAsync(bool on) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var edition in await db.Editions.ToListAsync())
            {
                edition.ShareApprovedDeliverables = on;
            }

            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task WithSharingOn_TeamsReadOtherTeamsApprovedDeliverables_AndWithSharingOffTheyCannot()
    {
        var tandil = await ProjectIdAsync("tandil");
        var bariloche = await ProjectIdAsync("bariloche");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bahiablanca@programa.example");

        await SetSharingAsync(true);
        var list = await client.GetPageAsync("/red/proyectos");
        Assert.Contains("Tandil", list.Body!.TextContent, StringComparison.Ordinal);
        var stage = await client.GetPageAsync($"/red/proyectos/{tandil}/etapas/desafio");
        Assert.Contains("Habilitación comercial 100 % en línea", stage.QuerySelector("dl.deliverable")!.TextContent, StringComparison.Ordinal);
        // Bariloche's prototype is submitted, not approved: never shown.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/red/proyectos/{bariloche}/etapas/prototipo")).StatusCode);

        await SetSharingAsync(false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/red/proyectos")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/red/proyectos/{tandil}/etapas/desafio")).StatusCode);
        await SetSharingAsync(true);
    }

    [Fact]
    public async Task TheSharedView_ShowsTheApprovedSubmission_NotALaterDraft()
    {
        var tandil = await ProjectIdAsync("tandil");
        await factory.WithDbAsync(async db =>
        {
            // A later draft on the approved deliverable (as after a reopen) must stay private.
            var deliverable = await db.Deliverables.SingleAsync(d => d.ProjectStage.ProjectId == tandil && d.ProjectStage.StageDefinition.Key == "socios");
            var author = await db.Users.Where(u => u.Email == "tandil@programa.example").Select(u => u.Id).SingleAsync();
            deliverable.ContentJson = "{\"socios\":[{\"organizacion\":\"Borrador secreto\"}]}";
            db.DeliverableRevisions.Add(new DeliverableRevision { DeliverableId = deliverable.Id, Number = 99, Kind = RevisionKind.Draft, ContentJson = deliverable.ContentJson, AuthorId = author, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("gualeguaychu@programa.example");

        var page = await client.GetPageAsync($"/red/proyectos/{tandil}/etapas/socios");

        Assert.Contains("Universidad local", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Borrador secreto", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithSharingOn_AnotherTeamDownloadsTheFilesOfAnApprovedDeliverable_AndWithSharingOffItCannot()
    {
        var tandil = await ProjectIdAsync("tandil");
        var attachment = await factory.StoreAttachmentAsync(tandil, "prototipo", "maqueta compartida.pdf");
        await factory.ReferenceInSubmissionAsync(tandil, "prototipo", attachment);
        var url = $"/red/proyectos/{tandil}/etapas/prototipo/adjuntos/{attachment}";
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bahiablanca@programa.example");

        await SetSharingAsync(true);
        var page = await client.GetPageAsync($"/red/proyectos/{tandil}/etapas/prototipo");
        Assert.Equal("maqueta compartida.pdf", page.QuerySelector($"dl.deliverable a[href='{url}']")!.TextContent);
        var download = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(AttachmentTestData.Pdf, await download.Content.ReadAsByteArrayAsync());

        await SetSharingAsync(false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url)).StatusCode);
        await SetSharingAsync(true);
    }

    [Fact]
    public async Task SharedDownloads_OfFilesOutsideTheApprovedSubmission_AreNotFound()
    {
        var tandil = await ProjectIdAsync("tandil");
        var bariloche = await ProjectIdAsync("bariloche");
        var approved = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "aprobado.pdf");
        await factory.ReferenceInSubmissionAsync(tandil, "proyecto-final", approved);
        var notListed = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "subido-sin-usar.pdf");
        var laterDraft = await factory.StoreAttachmentAsync(tandil, "proyecto-final", "borrador-posterior.pdf");
        await factory.ReferenceInLaterDraftAsync(tandil, "proyecto-final", laterDraft);
        // Bariloche's prototype is submitted, not approved: its files are not shared either.
        var notApproved = await factory.StoreAttachmentAsync(bariloche, "prototipo", "sin-aprobar.pdf");
        await factory.ReferenceInSubmissionAsync(bariloche, "prototipo", notApproved);
        await SetSharingAsync(true);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("gualeguaychu@programa.example");

        var final = $"/red/proyectos/{tandil}/etapas/{"proyecto-final"}/adjuntos";
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"{final}/{approved}")).StatusCode);
        foreach (var url in new[]
        {
            $"{final}/{notListed}",
            $"{final}/{laterDraft}",
            $"/red/proyectos/{tandil}/etapas/desafio/adjuntos/{approved}",
            $"/red/proyectos/{bariloche}/etapas/prototipo/adjuntos/{notApproved}",
            $"/red/proyectos/{bariloche}/etapas/{"proyecto-final"}/adjuntos/{approved}",
            $"{final}/999999",
        })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} respondió {(int)response.StatusCode}");
        }
    }
}
