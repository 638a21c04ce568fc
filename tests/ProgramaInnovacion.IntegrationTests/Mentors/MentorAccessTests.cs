using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Mentors;

/// <summary>
/// A mentor (the demo's AWS specialist, assigned to Tandil and Bariloche) reads and comments on the
/// assigned projects' delivered stages and shared drafts, and finds everything else closed with a 404.
/// </summary>
public class MentorAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Aws = MentorDemoSeeder.AwsMentorEmail;

    private Task<int> ProjectAsync(string slug) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());

    /// <summary>The key of a project's stage with the role, forced into the state (a deliverable is created when missing).</summary>
    private Task<(int ProjectId, string Key)> StageAsync(string slug, StageRole role, StageState state, bool readyForFeedback = false) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Include(s => s.StageDefinition).Include(s => s.Deliverable)
                .SingleAsync(s => s.Project.Municipality.Slug == slug && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Role == role);
            db.ForceState(stage, state);
            stage.Deliverable ??= new Deliverable();
            stage.Deliverable.ContentJson = "{\"especialistas\":\"Borrador del equipo\"}";
            stage.Deliverable.ReadyForFeedback = readyForFeedback;
            await db.SaveChangesAsync();
            return (stage.ProjectId, stage.StageDefinition.Key);
        });

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task Mentor_CommentsOnAnAssignedDeliveredStage_AndTheTeamSeesItLabelledWithTheOrganisation()
    {
        var (projectId, key) = await StageAsync("tandil", StageRole.Challenge, StageState.Approved);
        var url = $"/proyectos/{projectId}/etapas/{key}";
        using var mentor = await SignedInAsync(Aws);
        var page = await mentor.GetPageAsync(url);
        Assert.Null(page.QuerySelector($"a[href='{url}/revisiones']"));
        Assert.Null(page.QuerySelector($"a[href='/proyectos/{projectId}']"));

        var posted = await StageForms.PostAsync(mentor, page, url + "/comentarios", new Dictionary<string, string> { ["texto"] = "Sugerencia de la mentoría: medir la adopción." }, "form[action$='/comentarios']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        using var team = await SignedInAsync("tandil@programa.example");
        var teamPage = await team.GetPageAsync(url);
        var comment = teamPage.QuerySelectorAll("#comentarios li").Single(li => li.TextContent.Contains("medir la adopción", StringComparison.Ordinal));
        Assert.Contains("Lucía Fernández", comment.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mentoría · AWS", comment.QuerySelector(".mentor-label")?.TextContent.Trim());
        Assert.True(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.BodyMarkdown.Contains("medir la adopción") && c.ByMentor)));
    }

    [Fact]
    public async Task Mentor_GetsNotFound_OnAProjectNotAssignedToThem()
    {
        var (projectId, key) = await StageAsync("jesusmaria", StageRole.Challenge, StageState.Approved);
        using var mentor = await SignedInAsync(Aws);
        var url = $"/proyectos/{projectId}/etapas/{key}";
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Http.GetAsync(url)).StatusCode);

        // The comment form of a page they can read, aimed at the other project, is refused without a trace.
        var (ownId, ownKey) = await StageAsync("tandil", StageRole.Challenge, StageState.Approved);
        var page = await mentor.GetPageAsync($"/proyectos/{ownId}/etapas/{ownKey}");
        var before = await factory.CountAsync<Comment>();
        var posted = await StageForms.PostAsync(mentor, page, url + "/comentarios", new Dictionary<string, string> { ["texto"] = "No debería llegar" }, "form[action$='/comentarios']");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(before, await factory.CountAsync<Comment>());
    }

    [Fact]
    public async Task Mentor_ReadsADraft_OnlyWhileTheTeamMarksItReadyForFeedback()
    {
        var (projectId, key) = await StageAsync("bariloche", StageRole.Ideation, StageState.InProgress);
        var url = $"/proyectos/{projectId}/etapas/{key}";
        using var mentor = await SignedInAsync(Aws);
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Http.GetAsync(url)).StatusCode);

        using var team = await SignedInAsync("bariloche@programa.example");
        var shared = await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/lista-para-comentarios", null, "form[action$='/lista-para-comentarios']");
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Contains("listo para recibir comentarios", (await team.GetPageAsync(url)).QuerySelector("#mentores-estado")!.TextContent, StringComparison.Ordinal);

        var draft = await mentor.GetPageAsync(url);
        Assert.Contains("Borrador del equipo", draft.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(draft.QuerySelector("form[action$='/guardar']"));

        await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/lista-para-comentarios", null, "form[action$='/lista-para-comentarios']");
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Mentor_GetsNotFound_OnTheProjectPageHistoryRevisionsPanelStageAndPanelResult()
    {
        var projectId = await ProjectAsync("tandil");
        var (_, challenge) = await StageAsync("tandil", StageRole.Challenge, StageState.Approved);
        var (_, panel) = await StageAsync("tandil", StageRole.ExpertPanel, StageState.Approved);
        using var mentor = await SignedInAsync(Aws);
        foreach (var url in new[]
        {
            $"/proyectos/{projectId}",
            $"/proyectos/{projectId}/historial",
            $"/proyectos/{projectId}/dossier",
            $"/proyectos/{projectId}/etapas/{challenge}/revisiones",
            $"/proyectos/{projectId}/etapas/{challenge}/comparar?desde=1&hasta=2",
            $"/proyectos/{projectId}/etapas/{panel}",
            $"/proyectos/{projectId}/mesa",
        })
        {
            Assert.True((await mentor.Http.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        // Role-guarded areas (expert panel, coordination) send a mentor to the access-denied page.
        foreach (var url in new[] { "/panel", "/coordinacion/panel", $"/coordinacion/panel/proyectos/{projectId}", "/revision", $"/proyectos/{projectId}/etapas/{challenge}/revision" })
        {
            var response = await mentor.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/cuenta/acceso-denegado", url);
        }
    }

    [Fact]
    public async Task Mentor_CannotReview_AnAssignedSubmittedStage()
    {
        var (projectId, key) = await StageAsync("bariloche", StageRole.Validation, StageState.Submitted);
        var url = $"/proyectos/{projectId}/etapas/{key}";
        using var mentor = await SignedInAsync(Aws);
        var page = await mentor.GetPageAsync(url);
        Assert.Null(page.QuerySelector("a[href$='/revision']"));
        var response = await StageForms.PostAsync(mentor, page, url + "/revision/aprobar", null, "form[action$='/comentarios']");
        Assert.Equal("/cuenta/acceso-denegado", response.Headers.Location?.AbsolutePath);
        Assert.Equal(StageState.Submitted, await StageForms.StateAsync(factory, "bariloche", key));
    }

    [Fact]
    public async Task MentorHome_ListsOnlyAssignedProjects_AndWhatChangedSinceTheLastVisit()
    {
        var (projectId, key) = await StageAsync("tandil", StageRole.Challenge, StageState.Approved);
        using var mentor = await SignedInAsync(Aws);
        var first = await mentor.GetPageAsync("/");
        var projects = first.QuerySelectorAll("main section h2").Select(h => h.TextContent).ToList();
        Assert.Contains(projects, p => p.Contains("Tandil", StringComparison.Ordinal));
        Assert.Contains(projects, p => p.Contains("Bariloche", StringComparison.Ordinal));
        Assert.DoesNotContain(projects, p => p.Contains("Jesús María", StringComparison.Ordinal));

        factory.Time.Advance(TimeSpan.FromHours(1));
        using var team = await SignedInAsync("tandil@programa.example");
        var url = $"/proyectos/{projectId}/etapas/{key}";
        await StageForms.PostAsync(team, await team.GetPageAsync(url), url + "/comentarios", new Dictionary<string, string> { ["texto"] = "Gracias por la sugerencia." }, "form[action$='/comentarios']");
        factory.Time.Advance(TimeSpan.FromHours(1));

        var second = await mentor.GetPageAsync("/");
        var tandil = second.QuerySelectorAll("main section").Single(s => s.QuerySelector("h2")!.TextContent.Contains("Tandil", StringComparison.Ordinal));
        Assert.Contains("desde tu última visita", tandil.TextContent, StringComparison.Ordinal);
        var commented = tandil.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='{url}']") is not null);
        Assert.Equal("1 novedad", commented.QuerySelector(".badge")?.TextContent.Trim());

        // Seen: the next visit counts from now, so the same comment is no longer new.
        var third = await mentor.GetPageAsync("/");
        var again = third.QuerySelectorAll("main section").Single(s => s.QuerySelector("h2")!.TextContent.Contains("Tandil", StringComparison.Ordinal));
        Assert.Null(again.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='{url}']") is not null).QuerySelector(".badge"));
    }

    [Fact]
    public async Task Coordinator_AssignsAMentor_WhoThenReadsTheProject_AndUnassignsThem()
    {
        var (projectId, key) = await StageAsync("bahiablanca", StageRole.Challenge, StageState.Approved);
        var mentorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == MentorDemoSeeder.OsCityMentorEmail).Select(u => u.Id).SingleAsync());
        var url = $"/proyectos/{projectId}/etapas/{key}";
        using var mentor = await SignedInAsync(MentorDemoSeeder.OsCityMentorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Http.GetAsync(url)).StatusCode);

        using var coordinator = await SignedInAsync("coordinacion@programa.example");
        var assigned = await coordinator.SubmitFormAsync("/coordinacion/mentores", "form[action='/coordinacion/mentores']",
            new Dictionary<string, string> { ["Form.MentorId"] = mentorId, ["Form.ProjectId"] = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mentor.Http.GetAsync(url)).StatusCode);

        var list = await coordinator.GetPageAsync("/coordinacion/mentores");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Bahía Blanca", StringComparison.Ordinal));
        Assert.Contains("OS City", row.TextContent, StringComparison.Ordinal);
        var removed = await coordinator.SubmitFormAsync(list, $"form[action='{row.QuerySelector("form")!.GetAttribute("action")}']", new Dictionary<string, string>(), "/coordinacion/mentores");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AssigningAMentor_WithoutAMentorOrToAStageOfAnotherEdition_SaysWhyInSpanish()
    {
        var projectId = await ProjectAsync("bahiablanca");
        using var coordinator = await SignedInAsync("coordinacion@programa.example");
        var response = await coordinator.SubmitFormAsync("/coordinacion/mentores", "form[action='/coordinacion/mentores']",
            new Dictionary<string, string> { ["Form.ProjectId"] = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Elegí un mentor de la lista", page.QuerySelector("#Form_MentorId-error")!.TextContent, StringComparison.Ordinal);
    }
}
