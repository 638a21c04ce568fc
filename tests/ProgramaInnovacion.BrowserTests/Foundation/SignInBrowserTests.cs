using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;

namespace ProgramaInnovacion.BrowserTests.Foundation;

[Collection(BrowserCollection.Name)]
public class SignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TeamMember_SignsInThroughTheLoginForm_AndSeesTheTenStages()
    {
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync("jesusmaria@programa.example");

        var stages = session.Page.Locator("ol.stage-list > li");
        Assert.Equal(10, await stages.CountAsync());
        Assert.Contains("Validación territorial", await stages.Nth(3).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Cambios solicitados", await stages.Nth(3).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Jesús María (Córdoba)", (await session.Page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task LoginPage_WithAWrongPassword_ShowsTheSpanishError()
    {
        await using var session = await browser.NewSessionAsync();
        await session.GotoAsync("/cuenta/ingresar");
        await session.Page.GetByLabel("Correo electrónico").FillAsync("tandil@programa.example");
        await session.Page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync("no es la contraseña");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
        Assert.Contains("El correo o la contraseña no son correctos.", await session.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_HasNoSeriousAccessibilityViolations()
    {
        await using var session = await browser.NewSessionAsync();
        await session.GotoAsync("/cuenta/ingresar");
        await session.AssertNoSeriousA11yViolationsAsync();
    }

    [Theory]
    [InlineData("admin@programa.example")]
    [InlineData("coordinacion@programa.example")]
    [InlineData("bariloche@programa.example")]
    [InlineData("experta1@programa.example")]
    public async Task EachRolesHome_HasNoSeriousAccessibilityViolations(string email)
    {
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync(email);
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
