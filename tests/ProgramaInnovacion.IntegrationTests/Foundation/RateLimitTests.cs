using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Setup;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// The portal with low limits: 3 attempts per account (e-mail, user or token) and 6 per address, in
/// a ten-minute window. Each test comes from its own addresses (the <see cref="AddressHeader"/>
/// header sets the connection's address, as the proxy's X-Forwarded-For does in production).
/// </summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    public const int PerAccount = 3;
    public const int PerIp = 6;
    public const string AddressHeader = "X-Prueba-Direccion";

    // Limits and the address filter act on requests, not on the demo seed: the demo copy is the same database.
    protected override bool StartsFromTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var limit in Enum.GetValues<RateLimit>())
        {
            builder.UseSetting($"Security:RateLimits:{limit}:PerIp", PerIp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"Security:RateLimits:{limit}:PerAccount", PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"Security:RateLimits:{limit}:WindowSeconds", "600");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new AddressFilter()));
    }

    /// <summary>The client's address comes from a test header (the test server has no socket).</summary>
    private sealed class AddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public class RateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    private const string WrongPassword = "no es la contraseña";

    private PortalClient ClientFrom(string address)
    {
        var client = factory.CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(RateLimitedPortalFactory.AddressHeader, address);
        return client;
    }

    /// <summary>A 429 with Retry-After and the Spanish page, in the portal's layout, saying when to try again.</summary>
    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 600);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Demasiados intentos seguidos – Programa de Innovación", page.Title);
        Assert.Equal("Demasiados intentos seguidos", page.QuerySelector("main h1")?.TextContent.Trim());
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Matches(@"esperá (un minuto|\d+ minutos) y volvé a intentar \(a partir de las \d\d:\d\d\)", text);
        Assert.NotNull(page.QuerySelector("header, nav"));
    }

    [Fact]
    public async Task SignIn_HammeringOneAccount_Answers429InSpanish_WhileAnotherAccountSignsInFromTheSameAddress()
    {
        await factory.CreateUserAsync("martillada@programa.example", Roles.MunicipalTeam, "tandil");
        using var attacker = ClientFrom("10.1.1.1");
        for (var i = 0; i < RateLimitedPortalFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync("martillada@programa.example", WrongPassword)).StatusCode);
        }

        // Typed differently, the same account (Identity's normalisation).
        await AssertTooManyAsync(await attacker.LoginAsync("  Martillada@Programa.example", WrongPassword));

        using var neighbour = ClientFrom("10.1.1.1");
        await neighbour.SignInAsync("tandil@programa.example");
    }

    /// <summary>Replaces Identity's lockout (SignInTests.Login_AfterFiveFailures_LocksTheAccount…): guessing stops, nothing is locked.</summary>
    [Fact]
    public async Task SignIn_AfterTheAccountsFailures_RefusesEvenTheRightPassword_FromAnUnknownBrowser_WithoutLockingTheAccount()
    {
        const string email = "bloqueo@programa.example";
        await factory.CreateUserAsync(email, Roles.Expert);
        for (var i = 0; i < RateLimitedPortalFactory.PerAccount; i++)
        {
            using var guesser = ClientFrom($"10.1.9.{i + 1}");
            await guesser.LoginAsync(email, WrongPassword);
        }

        using var unknownBrowser = ClientFrom("10.1.9.50");
        await AssertTooManyAsync(await unknownBrowser.LoginAsync(email, Core.Data.Seeding.DemoSeeder.DemoPassword));
        Assert.Null(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_HammeringFromOneAddress_Answers429_AndAnotherAddressIsNotAffected()
    {
        using var attacker = ClientFrom("10.1.2.1");
        for (var i = 0; i < RateLimitedPortalFactory.PerIp; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync($"nadie{i}@programa.example", WrongPassword)).StatusCode);
        }

        await AssertTooManyAsync(await attacker.LoginAsync("otra.mas@programa.example", WrongPassword));

        using var elsewhere = ClientFrom("10.1.2.2");
        await elsewhere.SignInAsync("bariloche@programa.example");
    }

    [Fact]
    public async Task HammeringAnAdministratorsEmail_NeitherLocksTheAccount_NorKeepsTheAdministratorOut_OfABrowserTheyUsedBefore()
    {
        const string admin = "admin@programa.example";
        using var adminBrowser = ClientFrom("10.1.3.1");
        await adminBrowser.SignInAsync(admin); // this browser is now known for the account
        await adminBrowser.SubmitFormAsync("/", "form[action='/cuenta/salir']", new Dictionary<string, string>());

        // Someone hammers the administrator's e-mail from many addresses: refused once over the
        // account's limit (the administrator's own first sign-in, from a then unknown browser, counted too).
        for (var i = 0; i < RateLimitedPortalFactory.PerAccount - 1; i++)
        {
            using var bot = ClientFrom($"10.1.3.{10 + i}");
            Assert.Equal(HttpStatusCode.OK, (await bot.LoginAsync(admin, WrongPassword)).StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var bot = ClientFrom($"10.1.3.{50 + i}");
            await AssertTooManyAsync(await bot.LoginAsync(admin, WrongPassword));
        }

        // The account is not locked, and the administrator's own browser (even from another network) still signs in.
        Assert.Null(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == admin).Select(u => u.LockoutEnd).SingleAsync()));
        adminBrowser.Http.DefaultRequestHeaders.Remove(RateLimitedPortalFactory.AddressHeader);
        adminBrowser.Http.DefaultRequestHeaders.Add(RateLimitedPortalFactory.AddressHeader, "10.1.3.200");
        await adminBrowser.SignInAsync(admin);
    }

    [Fact]
    public async Task PasswordResetRequests_ForOneAccount_StopAt429_AndQueueNoMoreEmails_WhileAnotherAccountStillGetsOne()
    {
        const string email = "reset.martillado@programa.example";
        await factory.CreateUserAsync(email, Roles.MunicipalTeam, "tandil");
        await factory.CreateUserAsync("reset.otra@programa.example", Roles.MunicipalTeam, "tandil");
        using var client = ClientFrom("10.1.4.1");
        Task<HttpResponseMessage> RequestAsync(string address) =>
            client.SubmitFormAsync("/cuenta/olvide-mi-contrasena", "form[action='/cuenta/olvide-mi-contrasena']", new Dictionary<string, string> { ["Email"] = address });

        for (var i = 0; i < RateLimitedPortalFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(email)).StatusCode);
        }

        await AssertTooManyAsync(await RequestAsync(email.ToUpperInvariant()));
        Assert.Equal(RateLimitedPortalFactory.PerAccount, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == email)));

        using var other = ClientFrom("10.1.4.2");
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitFormAsync("/cuenta/olvide-mi-contrasena", "form[action='/cuenta/olvide-mi-contrasena']", new Dictionary<string, string> { ["Email"] = "reset.otra@programa.example" })).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == "reset.otra@programa.example")));
    }

    [Fact]
    public async Task InvitationAcceptance_HammeredOnOneLink_Answers429_WhileAnotherLinkStillOpens()
    {
        var first = await InvitationAsync("invitada.uno@programa.example");
        var second = await InvitationAsync("invitada.dos@programa.example");
        using var client = ClientFrom("10.1.5.1");
        for (var i = 0; i < RateLimitedPortalFactory.PerAccount; i++)
        {
            // Too short a password: the form answers again (200) and counts.
            Assert.Equal(HttpStatusCode.OK, (await AcceptAsync(client, first, "corta")).StatusCode);
        }

        await AssertTooManyAsync(await AcceptAsync(client, first, "corta"));

        using var other = ClientFrom("10.1.5.2");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(other, second, "una frase larga y propia")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorStep_WrongCodesOverTheLimit_Answer429()
    {
        const string email = "dos.pasos.martillada@programa.example";
        var user = await factory.CreateUserAsync(email, Roles.MunicipalTeam, "tandil");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var tracked = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(tracked);
            await users.SetTwoFactorEnabledAsync(tracked, true);
        }

        using var client = ClientFrom("10.1.6.1");
        var first = await client.LoginAsync(email);
        var step = first.Headers.Location!.OriginalString;
        Assert.StartsWith("/cuenta/ingresar/codigo", step, StringComparison.Ordinal);
        for (var i = 0; i < RateLimitedPortalFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync(step, "form[action='/cuenta/ingresar/codigo']", new Dictionary<string, string> { ["Code"] = "000000" })).StatusCode);
        }

        await AssertTooManyAsync(await client.SubmitFormAsync(step, "form[action='/cuenta/ingresar/codigo']", new Dictionary<string, string> { ["Code"] = "000000" }));
    }

    [Fact]
    public async Task PasswordChange_OverTheLimit_Answers429()
    {
        await factory.CreateUserAsync("cambio.martillado@programa.example", Roles.MunicipalTeam, "tandil");
        using var client = ClientFrom("10.1.7.1");
        await client.SignInAsync("cambio.martillado@programa.example");
        Task<HttpResponseMessage> ChangeAsync() => client.SubmitFormAsync("/cuenta/cambiar-contrasena", "main form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = WrongPassword,
            ["NewPassword"] = "otra frase bastante larga",
            ["ConfirmPassword"] = "otra frase bastante larga",
        });
        for (var i = 0; i < RateLimitedPortalFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ChangeAsync()).StatusCode);
        }

        await AssertTooManyAsync(await ChangeAsync());
    }

    [Fact]
    public async Task CalendarFeed_IsLimitedPerToken_AnotherTokenFromTheSameAddressStillAnswers()
    {
        using var client = ClientFrom("10.1.8.1");
        var hammered = await FeedTokenAsync("feed.uno@programa.example");
        var other = await FeedTokenAsync("feed.dos@programa.example");
        for (var i = 0; i < RateLimitedPortalFactory.PerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/calendario/ics/{hammered}.ics")).StatusCode);
        }

        await AssertTooManyAsync(await client.Http.GetAsync($"/calendario/ics/{hammered}.ics"));
        var answer = await client.Http.GetAsync($"/calendario/ics/{other}.ics");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith("BEGIN:VCALENDAR", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> AcceptAsync(PortalClient client, string token, string password) =>
        await client.SubmitFormAsync($"/invitacion/{token}", "main form", new Dictionary<string, string>
        {
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    private async Task<string> InvitationAsync(string email)
    {
        var user = await factory.CreateUserAsync(email, Roles.Expert);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.RemovePasswordAsync((await users.FindByIdAsync(user.Id))!);
        var (token, hash) = Invitation.NewToken();
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            db.Invitations.Add(new Invitation { UserId = user.Id, TokenHash = hash, CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(7) });
            await db.SaveChangesAsync();
        });
        return token;
    }

    private async Task<string> FeedTokenAsync(string email)
    {
        var user = await factory.CreateUserAsync(email, Roles.MunicipalTeam, "tandil");
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await factory.WithDbAsync(async db =>
        {
            db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = user.Id, TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), CreatedAtUtc = factory.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        return token;
    }
}
