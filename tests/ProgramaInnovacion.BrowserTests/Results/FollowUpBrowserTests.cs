using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Data.Seeding;

namespace ProgramaInnovacion.BrowserTests.Results;

[Collection(BrowserCollection.Name)]
public class FollowUpBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task Team_SeesEachRefusalBesideItsField_WithWhatItTyped_AtEveryWidth(int width)
    {
        var (projectId, indicatorId) = await browser.Factory.WithDbAsync(async db =>
        {
            var indicator = await db.FollowUpIndicators
                .Where(i => i.Project.Municipality.Slug == "gualeguaychu" && i.Project.Edition.Name == ReferenceData.FirstEditionName)
                .OrderBy(i => i.Position).Select(i => new { i.ProjectId, i.Id }).FirstAsync();
            return (indicator.ProjectId, indicator.Id);
        });
        await using var session = await browser.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 900);
        await session.SignInAsync(DemoSeeder.TeamEmail("gualeguaychu"));
        await session.GotoAsync($"/proyectos/{projectId}/seguimiento");

        var details = session.Page.Locator("details", new() { Has = session.Page.Locator($"#valor-{indicatorId}") });
        await details.Locator("summary").ClickAsync();
        await session.Page.FillAsync($"#valor-{indicatorId}", "doce");
        await details.GetByRole(AriaRole.Button, new() { Name = "Registrar" }).ClickAsync();

        var valueError = session.Page.Locator($"#valor-{indicatorId}-error");
        await Assertions.Expect(valueError).ToContainTextAsync("«Valor medido» debe ser un número");
        await Assertions.Expect(session.Page.Locator($"#fecha-{indicatorId}-error")).ToHaveTextAsync("Indicá la fecha de la medición.");
        await Assertions.Expect(session.Page.Locator($"#valor-{indicatorId}")).ToHaveValueAsync("doce");
        await Assertions.Expect(session.Page.Locator($"#valor-{indicatorId}")).ToHaveAttributeAsync("aria-describedby", $"valor-{indicatorId}-error");
        Assert.True(await valueError.IsVisibleAsync());
        var box = await valueError.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"El mensaje queda fuera de la ventana ({box.X}, {box.Width})");

        // The summary on top links to the field.
        var link = session.Page.Locator(".alert-danger").GetByRole(AriaRole.Link, new() { Name = "Indicá la fecha de la medición." });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"#fecha-{indicatorId}");

        Assert.Null(await VisibleLayout.PageOverflowAsync(session.Page));
        await session.AssertNoSeriousA11yViolationsAsync();
        Assert.Empty(await session.WcagViolationsAsync());
        await VisibleLayout.SaveScreenshotAsync(session.Page, $"seguimiento-errores-{width}");
    }
}
