using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

public partial class PasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ForgotPassword_WritesASpanishEmail_WhoseLinkSetsANewPassword()
    {
        const string email = "olvido@programa.example";
        await factory.CreateUserAsync(email, Roles.Coordinator);
        using var client = factory.CreatePortalClient();

        var sent = await client.SubmitFormAsync("/cuenta/olvide-mi-contrasena", "main form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await factory.DeliverMailAsync();

        var file = Assert.Single(Directory.GetFiles(factory.MailPickupPath, "*.eml"), f => MimeMessage.Load(f).To.Mailboxes.Single().Address == email);
        var message = MimeMessage.Load(file);
        Assert.Equal("Restablecer tu contraseña del Programa de Innovación", message.Subject);
        var link = new Uri(LinkPattern().Match(message.TextBody ?? "").Value);

        const string newPassword = "una frase nueva y larga";
        var reset = await client.SubmitFormAsync(link.PathAndQuery, "main form", new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email)).StatusCode); // the old password no longer works
        await client.SignInAsync(email, newPassword);
    }

    [Fact]
    public async Task ForgotPassword_WithAPublicUrl_LinksToIt_NotToTheRequestsHost()
    {
        const string email = "host-falso@programa.example";
        await factory.CreateUserAsync(email, Roles.Coordinator);
        // AllowedHosts left open (the host filter would refuse a forged Host first): the link still never takes it.
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Portal:PublicUrl", "https://portal.ril.example/").UseSetting("AllowedHosts", "*"));
        using var client = new PortalClient(configured.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://atacante.example"), // a forged Host header
        }));

        var sent = await client.SubmitFormAsync("/cuenta/olvide-mi-contrasena", "main form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await factory.DeliverMailAsync();

        var file = Assert.Single(Directory.GetFiles(factory.MailPickupPath, "*.eml"), f => MimeMessage.Load(f).To.Mailboxes.Single().Address == email);
        var body = MimeMessage.Load(file).TextBody ?? "";
        Assert.StartsWith("https://portal.ril.example/cuenta/", LinkPattern().Match(body).Value, StringComparison.Ordinal);
        Assert.DoesNotContain("atacante.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownEmail_AnswersTheSameAndSendsNothing()
    {
        using var client = factory.CreatePortalClient();
        var before = Directory.Exists(factory.MailPickupPath) ? Directory.GetFiles(factory.MailPickupPath).Length : 0;
        var sent = await client.SubmitFormAsync("/cuenta/olvide-mi-contrasena", "main form", new Dictionary<string, string> { ["Email"] = "nadie@programa.example" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/cuenta/olvide-mi-contrasena/enviado", sent.Headers.Location!.OriginalString);
        await factory.DeliverMailAsync();
        var after = Directory.Exists(factory.MailPickupPath) ? Directory.GetFiles(factory.MailPickupPath).Length : 0;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ChangePassword_TooShort_ShowsTheRuleInSpanish_AndTheRightOneWorks()
    {
        const string email = "cambio@programa.example";
        await factory.CreateUserAsync(email, Roles.Expert);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(email);

        var tooShort = await client.SubmitFormAsync("/cuenta/cambiar-contrasena", "main form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Core.Data.Seeding.DemoSeeder.DemoPassword,
            ["NewPassword"] = "corta",
            ["ConfirmPassword"] = "corta",
        });
        var page = await PortalClient.ParseAsync(tooShort);
        Assert.Equal("La contraseña debe tener al menos 12 caracteres.", page.QuerySelector("#NewPassword-error")!.TextContent.Trim());

        var ok = await client.SubmitFormAsync("/cuenta/cambiar-contrasena", "main form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Core.Data.Seeding.DemoSeeder.DemoPassword,
            ["NewPassword"] = "otra frase bastante larga",
            ["ConfirmPassword"] = "otra frase bastante larga",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
