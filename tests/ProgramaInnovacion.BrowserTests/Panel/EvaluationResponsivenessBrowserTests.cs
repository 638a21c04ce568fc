using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Panel;

/// <summary>
/// "Agregar recomendación" took over a second: the server answered in milliseconds, but focusing the
/// new recommendation's text started Bootstrap's smooth scroll, and the button kept moving (a
/// click waits for it to stand still) for about a second.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EvaluationResponsivenessBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AddRecommendationButton_StandsStill_RightAfterTheTextIsTyped()
    {
        const string email = "mesa.quieta@experto.example";
        var expert = await browser.Factory.CreateUserAsync(email, Roles.Expert);
        var tandil = await browser.Factory.WithDbAsync(async db =>
        {
            var projectId = await db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync();
            db.PanelAssignments.Add(new PanelAssignment { ProjectId = projectId, ExpertId = expert.Id, AssignedAtUtc = expert.CreatedAtUtc, Declaration = ConflictDeclaration.NoConflict });
            await db.SaveChangesAsync();
            return projectId;
        });

        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync(email);
        await session.GotoAsync($"/panel/proyectos/{tandil}/evaluacion");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY")); // the text is far below: typing in it scrolls

        await page.Locator("fieldset.new-recommendation").GetByLabel("Texto de la nueva recomendación").FillAsync("Sumar un tablero público de avance.");
        var button = page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Agregar recomendación" });
        var before = await button.BoundingBoxAsync();
        // Two animation frames later: Playwright's own "stable" rule for a click target.
        var movedBy = await page.EvaluateAsync<double>(
            "() => new Promise(done => { const y = window.scrollY; requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY - y))); })");
        var after = await button.BoundingBoxAsync();

        Assert.True(movedBy == 0, $"La página siguió desplazándose {movedBy} px después de escribir la recomendación.");
        Assert.Equal(before!.Y, after!.Y);
        Assert.True(await button.IsVisibleAsync());
    }
}
