using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// Sessions end when they should: a copy of the auth cookie taken before the event is replayed
/// afterwards and must land on the sign-in page (the clock does not move: no interval saves it).
/// </summary>
public class SessionEndTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "otra frase larga para entrar";

    /// <summary>Signs in and returns the client and a copy of its auth cookie ("name=value").</summary>
    private async Task<(PortalClient Client, string Cookie)> SignInAsync(string email, string password = DemoSeeder.DemoPassword)
    {
        var client = factory.CreatePortalClient();
        var response = await client.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("programa.auth=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }

    /// <summary>Another browser presenting the copied cookie.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/cuenta/ingresar", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<int> ProjectAsync(string slug) => factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task SignOut_EndsACopiedCookieToo()
    {
        var project = await ProjectAsync("tandil");
        var (client, cookie) = await SignInAsync("tandil@programa.example");
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, $"/proyectos/{project}")).StatusCode);

        var page = await client.GetPageAsync("/");
        var signedOut = await client.SubmitFormAsync(page, "form[action='/cuenta/salir']", new Dictionary<string, string>(), "/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        AssertSentToSignIn(await ReplayAsync(cookie, $"/proyectos/{project}"));
        client.Dispose();
    }

    [Fact]
    public async Task Deactivation_EndsTheOpenSessionAtOnce()
    {
        var user = await factory.CreateUserAsync("sesion.baja@programa.example", Roles.MunicipalTeam, "bariloche");
        var project = await ProjectAsync("bariloche");
        var (client, cookie) = await SignInAsync(user.Email!);
        await client.GetPageAsync($"/proyectos/{project}");

        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/admin/usuarios", $"form[action='/admin/usuarios/{user.Id}/desactivar']", new Dictionary<string, string>())).StatusCode);

        AssertSentToSignIn(await client.Http.GetAsync($"/proyectos/{project}"));
        AssertSentToSignIn(await ReplayAsync(cookie, $"/proyectos/{project}"));
        client.Dispose();
    }

    [Fact]
    public async Task ARoleChange_EndsTheOpenSessionAtOnce()
    {
        var user = await factory.CreateUserAsync("sesion.rol@programa.example", Roles.Coordinator);
        var (client, cookie) = await SignInAsync(user.Email!);
        await client.GetPageAsync("/coordinacion");

        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var edited = await admin.SubmitFormAsync($"/admin/usuarios/{user.Id}", "form.user-form", new Dictionary<string, string> { ["Form.Roles"] = Roles.Expert });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        AssertSentToSignIn(await ReplayAsync(cookie, "/coordinacion"));
        client.Dispose();
    }

    [Fact]
    public async Task APasswordChange_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var user = await factory.CreateUserAsync("sesion.clave@programa.example", Roles.Expert);
        var (laptop, _) = await SignInAsync(user.Email!);
        var (phone, phoneCookie) = await SignInAsync(user.Email!);

        var changed = await laptop.SubmitFormAsync("/cuenta/cambiar-contrasena", "main form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoSeeder.DemoPassword,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await laptop.GetPageAsync("/panel");
        AssertSentToSignIn(await phone.Http.GetAsync("/panel"));
        AssertSentToSignIn(await ReplayAsync(phoneCookie, "/panel"));
        laptop.Dispose();
        phone.Dispose();
    }

    [Fact]
    public async Task ChangePassword_RefusesTheCurrentPasswordAsTheNewOne()
    {
        var user = await factory.CreateUserAsync("sesion.misma@programa.example", Roles.Expert);
        var (client, _) = await SignInAsync(user.Email!);
        var stampBefore = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());

        var response = await client.SubmitFormAsync("/cuenta/cambiar-contrasena", "main form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoSeeder.DemoPassword,
            ["NewPassword"] = DemoSeeder.DemoPassword,
            ["ConfirmPassword"] = DemoSeeder.DemoPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("tiene que ser distinta de la actual", page.QuerySelector("#NewPassword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(stampBefore, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync()));
        client.Dispose();
    }
}
