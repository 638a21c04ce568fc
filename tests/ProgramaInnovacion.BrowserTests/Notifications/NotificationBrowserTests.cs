using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Notifications;

[Collection(BrowserCollection.Name)]
public class NotificationBrowserTests(BrowserFixture browser)
{
    /// <summary>A municipality of its own in the demo edition with stage 1 submitted, and a team member.</summary>
    private async Task<(int ProjectId, string Email)> TeamWithASubmissionAsync()
    {
        var slug = "avisos" + Guid.NewGuid().ToString("N")[..8];
        var factory = browser.Factory;
        await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            var municipality = new Municipality { Name = "Azul " + slug[^4..], Province = "Buenos Aires", Slug = slug };
            var project = ProjectFactory.Create(edition, municipality, factory.Time.GetUtcNow().UtcDateTime);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var first = await db.ProjectStages.Where(s => s.ProjectId == project.Id).OrderBy(s => s.StageDefinition.Order).FirstAsync();
            db.ForceState(first, StageState.Submitted);
            await db.SaveChangesAsync();
        });
        var email = slug + "@programa.example";
        await factory.CreateUserAsync(email, Roles.MunicipalTeam, slug);
        return (await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug).Select(p => p.Id).SingleAsync()), email);
    }

    [Fact]
    public async Task TheBellCountChangesAfterAReview_AndTheNotificationsPageLinksToTheStage()
    {
        var (projectId, email) = await TeamWithASubmissionAsync();
        var stageUrl = $"/proyectos/{projectId}/etapas/desafio";
        await using var team = await browser.NewSessionAsync();
        await using var coordinator = await browser.NewSessionAsync();
        await team.SignInAsync(email);
        await coordinator.SignInAsync("coordinacion@programa.example");

        await team.GotoAsync("/");
        var bell = team.Page.GetByRole(AriaRole.Link, new() { Name = "Notificaciones, ninguna sin leer" });
        await Assertions.Expect(bell).ToBeVisibleAsync();

        await coordinator.GotoAsync(stageUrl + "/revision");
        await coordinator.Page.GetByLabel("Cambios que pedís al equipo").FillAsync("Sumen la evidencia de los reclamos.");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Solicitar cambios" }).ClickAsync();
        await coordinator.Page.WaitForURLAsync(u => u.EndsWith("/revision", StringComparison.Ordinal));

        await team.GotoAsync("/");
        bell = team.Page.GetByRole(AriaRole.Link, new() { Name = "Notificaciones, 1 sin leer" });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        // What a person sees: the word and the count, never Razor source (it once showed "Notificaciones@if (Model > 0) {").
        await Assertions.Expect(bell.Locator(".badge")).ToHaveTextAsync("1");
        Assert.Equal("Notificaciones", (await bell.Locator("span[aria-hidden='true']").First.InnerTextAsync()).Trim());
        Assert.DoesNotContain("@", await bell.InnerTextAsync(), StringComparison.Ordinal);
        var box = await bell.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= team.Page.ViewportSize!.Width, "La campana queda dentro de la ventana.");

        await bell.ClickAsync();
        await team.Page.WaitForURLAsync(u => u.EndsWith("/avisos", StringComparison.Ordinal));
        var notice = team.Page.GetByRole(AriaRole.Link, new() { Name = "La coordinación pidió cambios en «Desafío»" });
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(team.Page.Locator("ul.notification-list")).ToContainTextAsync("Sumen la evidencia de los reclamos.");
        await team.AssertNoSeriousA11yViolationsAsync();

        await team.Page.GetByRole(AriaRole.Button, new() { Name = "Marcar todos como leídos" }).ClickAsync();
        await Assertions.Expect(team.Page.GetByRole(AriaRole.Link, new() { Name = "Notificaciones, ninguna sin leer" })).ToBeVisibleAsync();
        await notice.ClickAsync();
        await team.Page.WaitForURLAsync(u => u.EndsWith(stageUrl, StringComparison.Ordinal));

        await team.GotoAsync("/avisos/preferencias");
        await Assertions.Expect(team.Page.GetByRole(AriaRole.Group, new() { Name = "Comentarios en las entregas" })).ToBeVisibleAsync();
        await team.AssertNoSeriousA11yViolationsAsync();
    }
}
