using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Knowledge;

[Collection(BrowserCollection.Name)]
public class KnowledgeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ATeamPostsALearning_AndAnotherTeamComments()
    {
        var title = $"Aprendizaje del navegador {Guid.NewGuid():N}"[..40];
        await using (var tandil = await browser.NewSessionAsync())
        {
            await tandil.SignInAsync("tandil@programa.example");
            await tandil.GotoAsync("/red");
            await tandil.Page.GetByRole(AriaRole.Link, new() { Name = "Nueva publicación" }).ClickAsync();
            await tandil.Page.GetByLabel("Aprendizaje").CheckAsync();
            await tandil.Page.GetByLabel("Etapa relacionada (opcional)").SelectOptionAsync(new SelectOptionValue { Label = "Validación territorial" });
            await tandil.Page.GetByLabel("Título").FillAsync(title);
            await tandil.Page.GetByLabel("Texto").FillAsync("Conviene **entrevistar** a quienes hacen el trámite todos los días.");
            await tandil.Page.GetByRole(AriaRole.Button, new() { Name = "Publicar" }).ClickAsync();
            await tandil.Page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, "/red/\\d+$"));
            Assert.Equal(title, (await tandil.Page.Locator("h1").InnerTextAsync()).Trim());
        }

        await using var bariloche = await browser.NewSessionAsync();
        await bariloche.SignInAsync("bariloche@programa.example");
        await bariloche.GotoAsync("/red?tipo=aprendizaje");
        await bariloche.Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await bariloche.Page.GetByLabel("Tu comentario").FillAsync("¡Gracias! Lo probamos con los reclamos vecinales.");
        await bariloche.Page.GetByRole(AriaRole.Button, new() { Name = "Comentar" }).ClickAsync();

        var comments = bariloche.Page.Locator("#comentarios");
        await Assertions.Expect(comments).ToContainTextAsync("¡Gracias! Lo probamos con los reclamos vecinales.");
        await Assertions.Expect(comments).ToContainTextAsync("Equipo Bariloche");
    }

    [Fact]
    public async Task ATeamAddsALibraryCaseToItsCaseStudyTable()
    {
        var email = $"casos-{Guid.NewGuid():N}"[..14] + "@programa.example";
        await browser.Factory.CreateUserAsync(email, Roles.MunicipalTeam);
        var (stageId, projectId) = await browser.Factory.WithDbAsync(async db =>
        {
            // A fresh project of the edition whose case-study stage is open, so other tests are untouched.
            var edition = await db.Editions.Include(e => e.Stages).OrderBy(e => e.Id).FirstAsync();
            var slug = $"m{Guid.NewGuid():N}"[..12];
            var municipality = new Municipality { Name = $"Rafaela {slug}", Province = "Santa Fe", Slug = slug, Category = MunicipalityCategory.Intermediate };
            var project = ProjectFactory.Create(edition, municipality, edition.StartsAtUtc);
            Assert.True(project.Stages.Single(s => s.StageDefinition.Key == "casos").Apply(StageAction.Unlock, WorkflowActor.Coordinator, null, edition.StartsAtUtc, "Prueba de la biblioteca").Allowed);
            db.Projects.Add(project);
            var user = await db.Users.SingleAsync(u => u.Email == email);
            project.Members.Add(new ProjectMember { UserId = user.Id, JoinedAtUtc = edition.StartsAtUtc });
            await db.SaveChangesAsync();
            return (project.Stages.Single(s => s.StageDefinition.Key == "casos").Id, project.Id);
        });

        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync(email);
        await session.GotoAsync("/biblioteca");
        await session.Page.GetByLabel("Palabras").FillAsync("gestion");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await session.Page.Locator(".case-results a", new() { HasTextString = "Ciudad de Mendoza" }).First.ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Agregar a mi estudio de casos" }).ClickAsync();

        await session.Page.WaitForURLAsync(u => u.EndsWith($"/proyectos/{projectId}/etapas/casos", StringComparison.Ordinal));
        var content = await browser.Factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == stageId).Select(d => d.ContentJson).SingleAsync());
        var row = Assert.Single(DeliverableContent.Parse(content).Rows("casos"));
        Assert.Equal("Ciudad de Mendoza", row["ciudad"]);
    }

    [Fact]
    public async Task LibrarySearch_ShowsTheMatchedWordHighlightedInItsExcerpt()
    {
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync("bariloche@programa.example");
        await session.GotoAsync("/biblioteca");
        await session.Page.GetByLabel("Palabras").FillAsync("gestion");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();

        var highlight = session.Page.Locator(".case-results .case-excerpt mark").First;
        Assert.True(await highlight.IsVisibleAsync());
        Assert.StartsWith("gesti", (await highlight.TextContentAsync())!.ToLowerInvariant(), StringComparison.Ordinal);
        var box = (await highlight.BoundingBoxAsync())!;
        Assert.True(box.Width > 0 && box.X >= 0 && box.X + box.Width <= session.Page.ViewportSize!.Width);
    }

    [Theory]
    [InlineData("tandil@programa.example", "/red")]
    [InlineData("coordinacion@programa.example", "/red")]
    [InlineData("bariloche@programa.example", "/biblioteca?q=gestion")]
    [InlineData("bariloche@programa.example", "/calendario")]
    [InlineData("coordinacion@programa.example", "/calendario?mes=2021-07")]
    [InlineData("coordinacion@programa.example", "/calendario/nueva")]
    [InlineData("bahiablanca@programa.example", "/calendario/suscripcion")]
    [InlineData("bahiablanca@programa.example", "/red/nueva")]
    [InlineData("bahiablanca@programa.example", "/red/proyectos")]
    public async Task FeedLibraryAndCalendarPages_HaveNoSeriousAccessibilityViolations(string email, string path)
    {
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync(email);
        await session.GotoAsync(path);
        await session.AssertNoSeriousA11yViolationsAsync();
    }

    [Fact]
    public async Task PostAndCasePages_HaveNoSeriousAccessibilityViolations()
    {
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync("bahiablanca@programa.example");
        await session.GotoAsync("/red");
        await session.Page.Locator(".feed a").First.ClickAsync();
        await session.AssertNoSeriousA11yViolationsAsync();
        await session.GotoAsync("/biblioteca");
        await session.Page.Locator(".case-results a").First.ClickAsync();
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
