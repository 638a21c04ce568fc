using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Home;

/// <summary>The team's home says what to do next: the stage, its due date in words, what the coordination asked for, unread comments.</summary>
public class TeamHomeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task TheNextStep_SaysWhenTheStageInProgressIsDue()
    {
        using var team = await SignedInAsync("gualeguaychu@programa.example");

        var next = (await team.GetPageAsync("/")).QuerySelector(".card-body")!;

        Assert.Contains("Ideación", next.TextContent, StringComparison.Ordinal);
        Assert.Equal("vence en 2 días", next.QuerySelector(".due-words")!.TextContent);
        Assert.Contains("18 de noviembre de 2026, 18:00", next.TextContent, StringComparison.Ordinal);
        Assert.Null(next.QuerySelector(".change-request"));
    }

    [Fact]
    public async Task ASentBackStage_ShowsWhatTheCoordinationAskedFor_AndThatItIsOverdue()
    {
        using var team = await SignedInAsync("jesusmaria@programa.example");

        var next = (await team.GetPageAsync("/")).QuerySelector(".card-body")!;

        Assert.Equal("vencida hace 5 días", next.QuerySelector(".due-words")!.TextContent);
        var request = next.QuerySelector(".change-request")!;
        Assert.Contains(DemoSeederChangeRequest, request.TextContent, StringComparison.Ordinal);
        Assert.Contains("Coordinación RIL", request.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
    }

    private const string DemoSeederChangeRequest = "Falta indicar el método de validación de dos supuestos";

    [Fact]
    public async Task UnreadComments_AreCountedPerStage_UntilTheStagePageIsOpened()
    {
        using var team = await SignedInAsync("jesusmaria@programa.example");
        var project = await StageForms.ProjectIdAsync(factory, "jesusmaria");

        // The coordination's remark on the sent-back validation, and the mentor's on the challenge.
        static List<string> Unread(AngleSharp.Dom.IDocument home) =>
            home.QuerySelector("#sin-leer")!.ParentElement!.QuerySelectorAll("li a").Select(a => $"{a.TextContent} → {a.GetAttribute("href")}").ToList();
        var validation = $"1 comentario nuevo en «Validación territorial» → /proyectos/{project}/etapas/validacion#comentarios";
        var challenge = $"1 comentario nuevo en «Desafío» → /proyectos/{project}/etapas/desafio#comentarios";
        Assert.Equal([challenge, validation], Unread(await team.GetPageAsync("/")).Order(StringComparer.Ordinal));

        await team.GetPageAsync($"/proyectos/{project}/etapas/validacion");
        Assert.Equal([challenge], Unread(await team.GetPageAsync("/")));
        await team.GetPageAsync($"/proyectos/{project}/etapas/desafio");
        var after = (await team.GetPageAsync("/")).QuerySelector("#sin-leer")!.ParentElement!;
        Assert.Empty(after.QuerySelectorAll("li a"));
        Assert.Contains("No tenés comentarios sin leer.", after.TextContent, StringComparison.Ordinal);

        // A new comment by the coordination after the visit is unread again; the team's own is not.
        await factory.WithDbAsync(async db =>
        {
            var deliverable = await db.Deliverables.SingleAsync(d => d.ProjectStage.ProjectId == project && d.ProjectStage.StageDefinition.Key == "validacion");
            var coordinator = await db.Users.Where(u => u.Email == DemoSeeder.CoordinatorEmail).Select(u => u.Id).SingleAsync();
            var member = await db.Users.Where(u => u.Email == "jesusmaria@programa.example").Select(u => u.Id).SingleAsync();
            var later = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(5);
            db.Comments.Add(new Comment { DeliverableId = deliverable.Id, AuthorId = coordinator, BodyMarkdown = "¿Pudieron sumar las entrevistas?", CreatedAtUtc = later });
            db.Comments.Add(new Comment { DeliverableId = deliverable.Id, AuthorId = member, BodyMarkdown = "Sí, las subimos hoy.", CreatedAtUtc = later });
            await db.SaveChangesAsync();
        });
        var again = (await team.GetPageAsync("/")).QuerySelector("#sin-leer")!.ParentElement!;
        Assert.Equal("1 comentario nuevo en «Validación territorial»", Assert.Single(again.QuerySelectorAll("li a")).TextContent);
    }

    [Fact]
    public async Task OpeningAStage_WritesTheVisitOnlyWhenSomeoneElsesCommentIsNew()
    {
        using var team = await SignedInAsync("jesusmaria@programa.example");
        var project = await StageForms.ProjectIdAsync(factory, "jesusmaria");
        var member = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "jesusmaria@programa.example").Select(u => u.Id).SingleAsync());
        Task<bool> VisitRecordedAsync(int stageId) => factory.WithDbAsync(db => db.StageVisits.AnyAsync(v => v.UserId == member && v.ProjectStageId == stageId));

        // A stage the team can open that nobody else has commented on: nothing to mark as seen, so no write.
        var quiet = await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == project && s.State != StageState.Locked
                && !db.Comments.Any(c => c.Deliverable.ProjectStageId == s.Id && c.AuthorId != member))
            .OrderBy(s => s.StageDefinition.Order).Select(s => new { s.Id, s.StageDefinition.Key }).FirstAsync());
        await team.GetPageAsync($"/proyectos/{project}/etapas/{quiet.Key}");
        Assert.False(await VisitRecordedAsync(quiet.Id));

        // The sent-back validation has the coordination's remark: opening it records the visit.
        var validation = await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == project && s.StageDefinition.Key == "validacion").Select(s => s.Id).SingleAsync());
        await team.GetPageAsync($"/proyectos/{project}/etapas/validacion");
        Assert.True(await VisitRecordedAsync(validation));
    }

    [Fact]
    public async Task ATeamInTwoEditions_SwitchesBetweenItsProjects()
    {
        using var team = await SignedInAsync("tandil@programa.example");
        var (current, closed) = await factory.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync(),
            await db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == ReferenceData.FirstEditionName).Select(p => p.Id).SingleAsync()));

        var home = await team.GetPageAsync("/");
        var switcher = home.QuerySelector("nav.edition-switcher")!;
        var links = switcher.QuerySelectorAll("a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"), a.GetAttribute("aria-current"))).ToList();
        Assert.Equal([(DemoSeeder.CurrentEditionName, $"/?proyecto={current}", "page"), (ReferenceData.FirstEditionName, $"/?proyecto={closed}", null)], links);

        var earlier = await team.GetPageAsync($"/?proyecto={closed}");
        Assert.Contains(ReferenceData.FirstEditionName, earlier.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Turnos en línea para los centros de salud", earlier.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("¡Completaron las diez etapas del programa!", earlier.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/proyectos/{closed}/mesa", earlier.QuerySelector("[role='status'] a")!.GetAttribute("href"));

        // Another team's project id is not a choice: the home stays on the team's own.
        var other = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "bariloche").Select(p => p.Id).FirstAsync());
        var refused = await team.GetPageAsync($"/?proyecto={other}");
        Assert.Contains("Habilitación comercial", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
