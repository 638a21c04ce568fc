using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>Generates the codes an authenticator app would show, and walks the enrolment pages.</summary>
internal static class Authenticator
{
    public static string Code(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(DateTime.UtcNow);

    /// <summary>Any code but the current one (and its neighbours, which Identity also accepts).</summary>
    public static string WrongCode(string key)
    {
        var right = int.Parse(Code(key), System.Globalization.CultureInfo.InvariantCulture);
        return ((right + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Enrols the signed-in client; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/cuenta/dos-pasos/activar");
        var key = page.QuerySelector("code.two-factor-key")!.TextContent;
        var response = await client.SubmitFormAsync(page, "form[action='/cuenta/dos-pasos/activar']", new Dictionary<string, string> { ["Code"] = Code(key) }, "/cuenta/dos-pasos/activar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await PortalClient.ParseAsync(response);
        return (key, shown.QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList());
    }

    /// <summary>Password, then the second step with <paramref name="code"/>.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(PortalClient client, string email, string code)
    {
        var first = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/cuenta/ingresar/codigo", first.Headers.Location!.OriginalString.Split('?')[0]);
        return await client.SubmitFormAsync(first.Headers.Location.OriginalString, "form[action='/cuenta/ingresar/codigo']", new Dictionary<string, string> { ["Code"] = code });
    }
}

public class TwoFactorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<bool> EnabledInDatabaseAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    [Fact]
    public async Task Enrolment_ShowsAQrCodeAndTheKey_RefusesAWrongCode_AndTurnsOnWithTheAppsCode()
    {
        const string email = "doble@programa.example";
        await factory.CreateUserAsync(email, Roles.MunicipalTeam, "tandil");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);

        var page = await client.GetPageAsync("/cuenta/dos-pasos/activar");
        var qr = page.QuerySelector("img.two-factor-qr")!;
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        var png = Convert.FromBase64String(qr.GetAttribute("src")!["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.False(string.IsNullOrWhiteSpace(qr.GetAttribute("alt")));
        Assert.Null(page.QuerySelector("main script, main [style]")); // nothing the strict CSP would block
        var key = page.QuerySelector("code.two-factor-key")!.TextContent;
        Assert.Matches("^[a-z2-7 ]{32,}$", key);

        var wrong = await client.SubmitFormAsync(page, "form[action='/cuenta/dos-pasos/activar']", new Dictionary<string, string> { ["Code"] = Authenticator.WrongCode(key) }, "/cuenta/dos-pasos/activar");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("El código no es correcto", (await PortalClient.ParseAsync(wrong)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await EnabledInDatabaseAsync(email));

        var right = await client.SubmitFormAsync(page, "form[action='/cuenta/dos-pasos/activar']", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key) }, "/cuenta/dos-pasos/activar");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.True(right.Headers.CacheControl?.NoStore);
        var codes = (await PortalClient.ParseAsync(right)).QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await EnabledInDatabaseAsync(email));

        // Shown once: the account page says how many are left, never the codes.
        var status = await client.GetPageAsync("/cuenta/dos-pasos");
        Assert.Contains("Te quedan 10 códigos", status.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], status.Body.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForTheCode_RefusesAWrongOne_AndLetsTheRightOneIn()
    {
        const string email = "segundo.paso@programa.example";
        await factory.CreateUserAsync(email, Roles.Expert);
        string key;
        using (var enrolling = factory.CreatePortalClient())
        {
            await enrolling.SignInAsync(email);
            (key, _) = await Authenticator.EnrolAsync(enrolling);
        }

        using var client = factory.CreatePortalClient();
        // The password alone opens nothing.
        var afterPassword = await client.LoginAsync(email);
        Assert.Equal("/cuenta/ingresar/codigo", afterPassword.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Equal("/cuenta/ingresar", (await client.Http.GetAsync("/panel")).Headers.Location!.AbsolutePath);

        var wrong = await client.SubmitFormAsync("/cuenta/ingresar/codigo", "form[action='/cuenta/ingresar/codigo']", new Dictionary<string, string> { ["Code"] = Authenticator.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("El código no es correcto", (await PortalClient.ParseAsync(wrong)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);

        var right = await client.SubmitFormAsync("/cuenta/ingresar/codigo", "form[action='/cuenta/ingresar/codigo']", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/panel")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.sign-in-failed" && a.Details!.Contains("código de verificación incorrecto"))));
    }

    [Fact]
    public async Task RecoveryCode_SignsInInsteadOfTheAppsCode_OnlyOnce()
    {
        const string email = "recupera@programa.example";
        await factory.CreateUserAsync(email, Roles.MunicipalTeam, "bariloche");
        List<string> codes;
        using (var enrolling = factory.CreatePortalClient())
        {
            await enrolling.SignInAsync(email);
            (_, codes) = await Authenticator.EnrolAsync(enrolling);
        }

        using (var first = factory.CreatePortalClient())
        {
            var response = await Authenticator.SignInWithCodeAsync(first, email, codes[3]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("Te quedan 9 códigos", (await first.GetPageAsync("/cuenta/dos-pasos")).Body!.TextContent, StringComparison.Ordinal);
        }

        using var second = factory.CreatePortalClient();
        var again = await Authenticator.SignInWithCodeAsync(second, email, codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("El código no es correcto", (await PortalClient.ParseAsync(again)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_NeedsTheAppsCode_ThenThePasswordAloneSignsIn()
    {
        const string email = "apaga@programa.example";
        await factory.CreateUserAsync(email, Roles.MunicipalTeam, "tandil");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        var (key, _) = await Authenticator.EnrolAsync(client);

        await client.SubmitFormAsync("/cuenta/dos-pasos", "form[action='/cuenta/dos-pasos/desactivar']", new Dictionary<string, string> { ["Code"] = Authenticator.WrongCode(key) });
        Assert.True(await EnabledInDatabaseAsync(email));
        Assert.Contains("El código no es correcto", (await client.GetPageAsync("/cuenta/dos-pasos")).Body!.TextContent, StringComparison.Ordinal);

        await client.SubmitFormAsync("/cuenta/dos-pasos", "form[action='/cuenta/dos-pasos/desactivar']", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key) });
        Assert.False(await EnabledInDatabaseAsync(email));

        using var fresh = factory.CreatePortalClient();
        await fresh.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SecondStep_WithoutThePasswordStep_SendsBackToSignIn()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetPageAsync("/cuenta/ingresar");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync("/cuenta/ingresar/codigo", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Code"] = "123456" }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cuenta/ingresar", response.Headers.Location!.OriginalString);
    }
}

/// <summary>The portal as configured outside Development: administrators and coordinators must use two-factor sign-in.</summary>
public class TwoFactorRequiredFactory : PortalFactory
{
    // The requirement acts at sign-in, not on the demo seed: the demo copy is the same database.
    protected override bool StartsFromTemplate => true;

    protected override string RequiredTwoFactorRoles => "Administrador,Coordinador";
}

public class TwoFactorRequirementTests(TwoFactorRequiredFactory factory) : IClassFixture<TwoFactorRequiredFactory>
{
    [Theory]
    [InlineData("coordinacion@programa.example", "/coordinacion")]
    [InlineData("admin@programa.example", "/admin/usuarios")]
    public async Task RequiredRole_WithoutTwoFactor_IsSentToEnrol_ThenUsesThePortal(string email, string url)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);

        foreach (var path in new[] { "/", url, "/proyectos/1" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/cuenta/dos-pasos/activar", response.Headers.Location!.OriginalString);
        }

        var enrol = await client.GetPageAsync("/cuenta/dos-pasos/activar");
        Assert.Contains("Tu rol requiere la verificación en dos pasos", enrol.Body!.TextContent, StringComparison.Ordinal);

        var (key, _) = await Authenticator.EnrolAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode);

        // Required: it cannot be turned off.
        var status = await client.GetPageAsync("/cuenta/dos-pasos");
        Assert.Null(status.QuerySelector("form[action='/cuenta/dos-pasos/desactivar']"));
        var token = status.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await client.Http.PostAsync("/cuenta/dos-pasos/desactivar", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Code"] = Authenticator.Code(key) }));
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task RoleWithoutTheRequirement_UsesThePortalWithItsPassword()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
    }
}
