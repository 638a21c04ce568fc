using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Users;

namespace ProgramaInnovacion.IntegrationTests.Administration;

/// <summary>Invitations never take over an account that is already in use, and the portal always keeps an administrator.</summary>
public partial class AccountSafetyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FirstPassword = "la primera frase elegida";
    private const string OtherPassword = "una frase de otra persona";

    [GeneratedRegex(@"https?://[^\s]+/invitacion/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    /// <summary>Delivers the outbox (invitations are queued), then reads the newest invitation link to the address.</summary>
    private async Task<string> LatestTokenAsync(string email)
    {
        await factory.DeliverMailAsync();
        return Directory.GetFiles(factory.MailPickupPath, "*.eml")
            .Select(path => (Message: MimeMessage.Load(path), Written: File.GetLastWriteTimeUtc(path)))
            .Where(m => m.Message.To.Mailboxes.Any(b => b.Address == email) && m.Message.Subject == "Te invitaron al portal del Programa de Innovación")
            .OrderBy(m => m.Written)
            .Select(m => LinkPattern().Match(m.Message.TextBody ?? "").Groups[1].Value)
            .Last();
    }

    private async Task<PortalClient> AdminAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        return client;
    }

    private async Task<string> InviteAsync(PortalClient admin, string email)
    {
        var response = await admin.SubmitFormAsync("/admin/usuarios/invitar", "form.invite-form", new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "Persona Invitada",
            ["Form.Roles"] = Roles.Expert,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    private static Task<HttpResponseMessage> AcceptAsync(PortalClient client, string token, string password) =>
        client.SubmitFormAsync($"/invitacion/{token}", "form.accept-form", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Persona Invitada",
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    [Fact]
    public async Task ANewInvitation_CannotReplaceThePasswordOfAnAccountThatAlreadyAccepted()
    {
        const string email = "ya.activa@programa.example";
        using var admin = await AdminAsync();
        var userId = await InviteAsync(admin, email);
        using (var owner = factory.CreatePortalClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(owner, await LatestTokenAsync(email), FirstPassword)).StatusCode);
        }

        // A fresh link is issued anyway (the list offers no button for an active account; the route
        // still answers a crafted post) and someone tries to choose the password with it.
        var list = await admin.GetPageAsync("/admin/usuarios");
        var antiforgery = PortalClient.FormFields(list, $"form[action='/admin/usuarios/{userId}/desactivar']");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostAsync($"/admin/usuarios/{userId}/reenviar", new FormUrlEncodedContent(antiforgery))).StatusCode);
        using var stranger = factory.CreatePortalClient();
        var refused = await AcceptAsync(stranger, await LatestTokenAsync(email), OtherPassword);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Esta cuenta ya está activada", (await PortalClient.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stranger.LoginAsync(email, OtherPassword)).StatusCode);
        using var ownerAgain = factory.CreatePortalClient();
        await ownerAgain.SignInAsync(email, FirstPassword);
    }

    [Fact]
    public async Task TwoAcceptancesOfTheSameLinkAtOnce_OnlyTheFirstSetsThePassword()
    {
        const string email = "doble.alta@programa.example";
        using var admin = await AdminAsync();
        await InviteAsync(admin, email);
        var token = await LatestTokenAsync(email);

        // The second acceptance found the link usable, then the first one completed before it saved.
        await using var scope = factory.CreateScope();
        var second = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var invitation = await second.FindUsableAsync(token);
        Assert.NotNull(invitation);
        using (var first = factory.CreatePortalClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(first, token, FirstPassword)).StatusCode);
        }

        var result = await second.AcceptAsync(invitation, new AcceptInvitationForm { DisplayName = "Otra", Password = OtherPassword, ConfirmPassword = OtherPassword });

        Assert.False(result.Succeeded);
        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email, OtherPassword)).StatusCode);
        await client.SignInAsync(email, FirstPassword);
    }

    [Fact]
    public async Task TheLastAdministrator_CannotRemoveTheirOwnRole()
    {
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@programa.example").Select(u => u.Id).SingleAsync());
        using var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync($"/admin/usuarios/{adminId}", "form.user-form", new Dictionary<string, string> { ["Form.Roles"] = Roles.Coordinator });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Es la única cuenta de administración activa", page.QuerySelector("#Form_Roles-error")!.TextContent, StringComparison.Ordinal);
        await admin.GetPageAsync("/admin/usuarios"); // still an administrator, still signed in

        // With a second active administrator, the role can go.
        var other = await factory.CreateUserAsync("segunda.admin@programa.example", Roles.Administrator);
        var allowed = await admin.SubmitFormAsync($"/admin/usuarios/{adminId}", "form.user-form", new Dictionary<string, string> { ["Form.Roles"] = Roles.Coordinator });
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);

        // Restore the demo administrator for the other tests of this class.
        using var second = factory.CreatePortalClient();
        await second.SignInAsync(other.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitFormAsync($"/admin/usuarios/{adminId}", "form.user-form", new Dictionary<string, string> { ["Form.Roles"] = Roles.Administrator })).StatusCode);
    }
}
