using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Account;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

public class FeedTokenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(AppUser User, string FeedPath)> UserWithFeedAsync(string email)
    {
        var user = await factory.CreateUserAsync(email, Roles.Expert);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/calendario/suscripcion", "form[action='/calendario/suscripcion/generar']", new Dictionary<string, string>())).StatusCode);
        var page = await client.GetPageAsync("/calendario/suscripcion");
        var path = new Uri(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#feed-url")!).Value).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(path)).StatusCode);
        return (user, path);
    }

    [Fact]
    public async Task AFeedLink_StopsWorking_WhenTheAccountIsDeactivated()
    {
        var (user, feed) = await UserWithFeedAsync("feed.baja@programa.example");
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/admin/usuarios", $"form[action='/admin/usuarios/{user.Id}/desactivar']", new Dictionary<string, string>())).StatusCode);

        using var calendarApp = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task AFeedLink_StopsWorking_WhenThePasswordIsReset()
    {
        var (user, feed) = await UserWithFeedAsync("feed.reset@programa.example");
        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            var token = await users.GeneratePasswordResetTokenAsync(stored);
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountCommands>().ResetPasswordAsync(stored, token, "una frase nueva tras el robo")).Succeeded);
        }

        using var calendarApp = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync(feed)).StatusCode);
    }

    [Theory]
    [InlineData("/invitacion/Zx8_secreto-de-invitacion", "/invitacion/***")]
    [InlineData("/calendario/ics/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.ics", "/calendario/ics/***.ics")]
    [InlineData("/proyectos/3/etapas/desafio", "/proyectos/3/etapas/desafio")]
    [InlineData("/calendario/suscripcion", "/calendario/suscripcion")]
    public void RequestLogs_NeverKeepInvitationOrFeedTokens(string path, string logged) =>
        Assert.Equal(logged, RequestPathRedaction.Redact(path));
}

public class StartupSafetyTests(DeployedPortalFactory factory) : IClassFixture<DeployedPortalFactory>
{
    private static Exception StartFailure(WebApplicationFactory<Program> app) =>
        Assert.ThrowsAny<Exception>(() => app.Server).GetBaseException();

    [Fact]
    public void Production_WithoutSmtp_RefusesToStart_InsteadOfWritingResetLinksToDisk()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Email:Smtp:Host", ""));
        var error = Assert.IsType<OptionsValidationException>(StartFailure(app));
        Assert.Contains("Falta Email:Smtp:Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDemo_OutsideDevelopment_IsRefusedUnlessForced()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Seed:Force", "false"));
        var error = StartFailure(app);
        Assert.Contains("solo se cargan en Development", error.Message, StringComparison.Ordinal);
    }
}
