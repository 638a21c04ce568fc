using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Coordination;

[Collection(BrowserCollection.Name)]
public class UserAdministrationBrowserTests(BrowserFixture browser)
{
    /// <summary>A demo team is in the 2021 edition and in the current one: its edit page keeps both in sight.</summary>
    [Theory]
    [InlineData(VisibleLayout.DesktopWidth)]
    [InlineData(VisibleLayout.PhoneWidth)]
    public async Task EditingATeamMemberOfTwoEditions_ShowsTheOtherEditionsTeamTicked_OnScreen(int width)
    {
        var userId = await browser.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == "gualeguaychu@programa.example").Select(u => u.Id).SingleAsync());
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(width, 900);
        await session.SignInAsync("admin@programa.example");
        await session.GotoAsync($"/admin/usuarios/{userId}");

        var others = page.GetByRole(AriaRole.Group, new() { Name = "También integra" });
        var kept = others.GetByRole(AriaRole.Checkbox, new() { Name = "Gualeguaychú – " + Core.Data.Seeding.ReferenceData.FirstEditionName });
        await kept.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(kept).ToBeVisibleAsync();
        await Assertions.Expect(kept).ToBeCheckedAsync();
        await Assertions.Expect(kept).ToBeInViewportAsync();
        await VisibleLayout.AssertEveryControlVisibleAsync(page.Locator("main"), "La edición de una cuenta de equipo");
        await session.AssertNoSeriousA11yViolationsAsync();
        await VisibleLayout.SaveScreenshotAsync(page, "usuario-editar");
    }
}
