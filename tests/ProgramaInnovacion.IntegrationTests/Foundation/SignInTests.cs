using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

public class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> AccountsAndHomeText() => new()
    {
        { "admin@programa.example", "Coordinación del programa" },
        { "coordinacion@programa.example", "Coordinación del programa" },
        { "tandil@programa.example", "Tandil" },
        { "bariloche@programa.example", "Bariloche" },
        { "jesusmaria@programa.example", "Jesús María" },
        { "bahiablanca@programa.example", "Bahía Blanca" },
        { "gualeguaychu@programa.example", "Gualeguaychú" },
        { "experta1@programa.example", "Mesa de expertos" },
        { "experto2@programa.example", "Mesa de expertos" },
    };

    [Theory]
    [MemberData(nameof(AccountsAndHomeText))]
    public async Task DemoAccount_SignsIn_AndLandsOnItsHome(string email, string expectedHeading)
    {
        using var client = factory.CreatePortalClient();
        var response = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);

        var home = await client.GetPageAsync("/");
        Assert.Contains(expectedHeading, home.QuerySelector("h1")!.TextContent + home.QuerySelector("h2")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("es-AR", home.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task TeamHome_ListsTheTenStagesWithStateAsText()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bariloche@programa.example");
        var home = await client.GetPageAsync("/");
        var stages = home.QuerySelectorAll("ol.stage-list > li");
        Assert.Equal(10, stages.Length);
        Assert.Contains("Aprobada", stages[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Entregada", stages[5].TextContent, StringComparison.Ordinal);
        Assert.Contains("Bloqueada", stages[9].TextContent, StringComparison.Ordinal);
        Assert.Equal("step", stages[5].GetAttribute("aria-current"));
    }

    [Fact]
    public async Task CoordinatorHome_ShowsEachProjectAtItsCurrentStage()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        var home = await client.GetPageAsync("/");
        var rows = home.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th a")!.TextContent.Trim(), r => r.TextContent);
        Assert.Equal(5, rows.Count);
        Assert.Contains("6. Prototipo", rows["Bariloche"], StringComparison.Ordinal);
        Assert.Contains("Entregada", rows["Bariloche"], StringComparison.Ordinal);
        Assert.Contains("4. Validación territorial", rows["Jesús María"], StringComparison.Ordinal);
        Assert.Contains("Cambios solicitados", rows["Jesús María"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsSpanishMessageAndStaysOnLogin()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.LoginAsync("tandil@programa.example", "contraseña-equivocada");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("El correo o la contraseña no son correctos.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("tandil@programa.example", page.QuerySelector("#Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Login_WithEmptyFields_ShowsEachErrorNextToItsField()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.LoginAsync("", "");
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Ingresá tu correo electrónico.", page.QuerySelector("#Email-error")!.TextContent.Trim());
        Assert.Equal("Ingresá tu contraseña.", page.QuerySelector("#Password-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Email")!.GetAttribute("aria-invalid"));
        Assert.Contains("Email-error", page.QuerySelector("#Email")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("experta1@programa.example");
        var home = await client.GetPageAsync("/");
        var response = await client.SubmitFormAsync(home, "form[action='/cuenta/salir']", new Dictionary<string, string>(), "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/cuenta/ingresar", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
