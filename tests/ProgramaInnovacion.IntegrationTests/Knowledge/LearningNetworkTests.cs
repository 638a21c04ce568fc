using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

public class LearningNetworkTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> PostAsync(PortalClient client, string title, string kind = "Learning")
    {
        var response = await client.SubmitFormAsync("/red/nueva", "form.post-form", new Dictionary<string, string>
        {
            ["Kind"] = kind,
            ["Title"] = title,
            ["Body"] = "Aprendimos que conviene **probar con usuarios reales** antes de <script>alert(1)</script> programar.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.NetworkPosts.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task ATeamPostsALearning_AnotherTeamComments_AndBothSeeTheThread()
    {
        using var tandil = factory.CreatePortalClient();
        await tandil.SignInAsync("tandil@programa.example");
        var id = await PostAsync(tandil, "Probar el formulario con comerciantes");

        using var bariloche = factory.CreatePortalClient();
        await bariloche.SignInAsync("bariloche@programa.example");
        var feed = await bariloche.GetPageAsync("/red?tipo=aprendizaje");
        Assert.Contains("Probar el formulario con comerciantes", feed.Body!.TextContent, StringComparison.Ordinal);
        var comment = await bariloche.SubmitFormAsync($"/red/{id}", "form.comment-form", new Dictionary<string, string> { ["Comment.Body"] = "¡Nos sirve mucho para los reclamos!" });
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);

        var page = await tandil.GetPageAsync($"/red/{id}");
        Assert.Contains("¡Nos sirve mucho para los reclamos!", page.QuerySelector("#comentarios")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Equipo Bariloche", page.QuerySelector("#comentarios")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".markdown strong"));
        Assert.Null(page.QuerySelector(".markdown script"));
        var stored = await factory.WithDbAsync(db => db.NetworkComments.Where(c => c.PostId == id).Select(c => c.Author.Email).ToListAsync());
        Assert.Equal(["bariloche@programa.example"], stored);
    }

    [Fact]
    public async Task AnEmptyPost_ShowsSpanishErrors_AndKeepsWhatWasTyped()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bahiablanca@programa.example");
        var response = await client.SubmitFormAsync("/red/nueva", "form.post-form", new Dictionary<string, string> { ["Kind"] = "Problem", ["Title"] = "Un título sin texto", ["Body"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Escribí el texto de la publicación.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Un título sin texto", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Title")!).Value);
    }

    [Fact]
    public async Task OnlyTheAuthorEditsAPost()
    {
        using var author = factory.CreatePortalClient();
        await author.SignInAsync("jesusmaria@programa.example");
        var id = await PostAsync(author, "Ordenanza de firma digital", "Problem");

        using var other = factory.CreatePortalClient();
        await other.SignInAsync("bariloche@programa.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/red/{id}/editar")).StatusCode);
        var otherForm = PortalClient.FormFields(await other.GetPageAsync("/red/nueva"), "form.post-form", new Dictionary<string, string> { ["Kind"] = "Problem", ["Title"] = "Título ajeno", ["Body"] = "Texto ajeno." });
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsync($"/red/{id}/editar", new FormUrlEncodedContent(otherForm))).StatusCode);

        var edited = await author.SubmitFormAsync($"/red/{id}/editar", "form.post-form", new Dictionary<string, string> { ["Title"] = "Ordenanza de firma digital (resuelto)" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Ordenanza de firma digital (resuelto)", await factory.WithDbAsync(db => db.NetworkPosts.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task CoordinatorsPinAndHide_HiddenPostsDisappearForTeams()
    {
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("gualeguaychu@programa.example");
        var id = await PostAsync(team, "Publicación a moderar");

        using var coordination = factory.CreatePortalClient();
        await coordination.SignInAsync("coordinacion@programa.example");
        var pin = await coordination.SubmitFormAsync($"/red/{id}", $"form[action='/red/{id}/fijar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, pin.StatusCode);
        var feed = await team.GetPageAsync("/red");
        Assert.Contains("Publicación a moderar", feed.QuerySelectorAll(".feed li")[0].TextContent, StringComparison.Ordinal);

        var hide = await coordination.SubmitFormAsync($"/red/{id}", $"form[action='/red/{id}/ocultar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Http.GetAsync($"/red/{id}")).StatusCode);
        Assert.DoesNotContain("Publicación a moderar", (await team.GetPageAsync("/red")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Oculta", (await coordination.GetPageAsync($"/red/{id}")).Body!.TextContent, StringComparison.Ordinal);

    }

    [Fact]
    public async Task TeamsCannotPinPosts()
    {
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("bahiablanca@programa.example");
        var id = await factory.WithDbAsync(db => db.NetworkPosts.Select(p => p.Id).FirstAsync());
        var page = await team.GetPageAsync("/red/nueva");
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='__RequestVerificationToken']")!).Value;

        var response = await team.Http.PostAsync($"/red/{id}/fijar", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("fijar", "true")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeamOfAnotherEdition_SeesNothingOfThisEdition()
    {
        var (email, postId, tandilProjectId) = await factory.WithDbAsync(async db =>
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Slug == "tandil");
            var edition = new ProgramEdition
            {
                Name = "Edición 2022",
                Theme = "Datos abiertos",
                StartsAtUtc = new DateTime(2022, 8, 1, 14, 0, 0, DateTimeKind.Utc),
                CreatedAtUtc = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                ShareApprovedDeliverables = true,
                Stages = [new StageDefinition { Order = 1, Key = "desafio", Name = "Desafío" }],
            };
            db.Editions.Add(edition);
            db.Projects.Add(ProjectFactory.Create(edition, municipality, edition.StartsAtUtc));
            await db.SaveChangesAsync();
            var post = await db.NetworkPosts.Where(p => p.Edition.Name == DemoSeeder.CurrentEditionName).Select(p => p.Id).FirstAsync();
            var tandil = await db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync();
            return ("otra-edicion@programa.example", post, tandil);
        });
        var user = await factory.CreateUserAsync(email, Roles.MunicipalTeam);
        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Edition.Name == "Edición 2022");
            db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = user.Id, JoinedAtUtc = project.CreatedAtUtc });
            await db.SaveChangesAsync();
        });
        var firstEditionId = await factory.WithDbAsync(db => db.Editions.Where(e => e.Name == DemoSeeder.CurrentEditionName).Select(e => e.Id).SingleAsync());

        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        var feed = await client.GetPageAsync("/red");
        Assert.Contains("Edición 2022", feed.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(feed.QuerySelectorAll(".feed li"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/red/{postId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/red?edicion={firstEditionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/red/proyectos/{tandilProjectId}/etapas/desafio")).StatusCode);
        var shared = await client.GetPageAsync("/red/proyectos");
        Assert.DoesNotContain("Habilitación comercial", shared.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoFeed_ShowsPostsAndCommentsBetweenTeams()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bariloche@programa.example");
        var feed = await client.GetPageAsync("/red");
        Assert.Contains("Validar con comerciantes antes de diseñar el formulario", feed.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bienvenidos a la Red de aprendizaje", feed.QuerySelectorAll(".feed li")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpertsDoNotSeeTheNetwork() =>
        Assert.Equal(HttpStatusCode.NotFound, await StatusForAsync("experta1@programa.example", "/red"));

    private async Task<HttpStatusCode> StatusForAsync(string email, string url)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return (await client.Http.GetAsync(url)).StatusCode;
    }
}
