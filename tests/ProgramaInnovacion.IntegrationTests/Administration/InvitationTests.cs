using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Administration;

public partial class InvitationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "una frase larga y fácil";

    [GeneratedRegex(@"https?://[^\s]+/invitacion/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    private async Task<PortalClient> AdminAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        return client;
    }

    private static async Task InviteAsync(PortalClient admin, string email, string role = Roles.Expert, string? projectId = null)
    {
        var values = new Dictionary<string, string> { ["Form.Email"] = email, ["Form.DisplayName"] = "Persona Invitada", ["Form.Roles"] = role };
        if (projectId is not null)
        {
            values["Form.ProjectId"] = projectId;
        }

        var response = await admin.SubmitFormAsync("/admin/usuarios/invitar", "form.invite-form", values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The tokens of every invitation e-mail sent to the address (read from the pickup folder).</summary>
    private async Task<List<string>> TokensAsync(string email)
    {
        await factory.DeliverMailAsync();
        return Directory.GetFiles(factory.MailPickupPath, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == email) && m.Subject == "Te invitaron al portal del Programa de Innovación")
            .Select(m => LinkPattern().Match(m.TextBody ?? "").Groups[1].Value)
            .ToList();
    }

    private async Task<string> LatestTokenAsync(string email) => Assert.Single(await TokensAsync(email));

    private static Task<HttpResponseMessage> AcceptAsync(PortalClient client, string token) =>
        client.SubmitFormAsync($"/invitacion/{token}", "form.accept-form", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Ana Invitada",
            ["Form.Password"] = NewPassword,
            ["Form.ConfirmPassword"] = NewPassword,
        });

    [Fact]
    public async Task InvitationLink_SetsThePasswordOnce_AndTheUserSignsIn()
    {
        using var admin = await AdminAsync();
        var tandil = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());
        await InviteAsync(admin, "ana@municipio.example", Roles.MunicipalTeam, tandil.ToString());
        var token = await LatestTokenAsync("ana@municipio.example");

        var stored = await factory.WithDbAsync(db => db.Invitations.Where(i => i.User.Email == "ana@municipio.example").Select(i => i.TokenHash).SingleAsync());
        Assert.NotEqual(token, stored);
        Assert.Equal(Invitation.Hash(token), stored);

        using var invited = factory.CreatePortalClient();
        var response = await AcceptAsync(invited, token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("Tandil", (await invited.GetPageAsync("/")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var again = await invited.Http.GetAsync($"/invitacion/{token}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("La invitación no es válida", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var later = factory.CreatePortalClient();
        await later.SignInAsync("ana@municipio.example", NewPassword);
        Assert.Equal("Ana Invitada", await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "ana@municipio.example").Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task InvitationLink_DoesNotWorkAfterSevenDays()
    {
        using var admin = await AdminAsync();
        await InviteAsync(admin, "tarde@municipio.example");
        var token = await LatestTokenAsync("tarde@municipio.example");

        factory.Time.Advance(TimeSpan.FromDays(6));
        using (var early = factory.CreatePortalClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await early.Http.GetAsync($"/invitacion/{token}")).StatusCode);
        }

        factory.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using var invited = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await invited.Http.GetAsync($"/invitacion/{token}")).StatusCode);
        var post = await invited.Http.PostAsync($"/invitacion/{token}", new FormUrlEncodedContent([]));
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "tarde@municipio.example").Select(u => u.PasswordHash != null).SingleAsync()));
    }

    [Fact]
    public async Task Resend_SendsANewLink_AndTheOldOneStopsWorking()
    {
        using var admin = await AdminAsync();
        await InviteAsync(admin, "reenvio@municipio.example");
        var first = await LatestTokenAsync("reenvio@municipio.example");
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "reenvio@municipio.example").Select(u => u.Id).SingleAsync());

        var response = await admin.SubmitFormAsync("/admin/usuarios", $"form[action='/admin/usuarios/{id}/reenviar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = Assert.Single((await TokensAsync("reenvio@municipio.example")).Except([first]));
        Assert.NotEqual(first, second);

        using var invited = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await invited.Http.GetAsync($"/invitacion/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(invited, second)).StatusCode);
    }

    [Fact]
    public async Task Invite_WithAnExistingEmailOrATeamRoleWithoutProject_ShowsTheErrorAndKeepsWhatWasTyped()
    {
        using var admin = await AdminAsync();
        var response = await admin.SubmitFormAsync("/admin/usuarios/invitar", "form.invite-form", new Dictionary<string, string>
        {
            ["Form.Email"] = "tandil@programa.example",
            ["Form.DisplayName"] = "Alguien Repetido",
            ["Form.Roles"] = Roles.Expert,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Ya hay una cuenta con ese correo", page.QuerySelector("#Form_Email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Alguien Repetido", page.QuerySelector("#Form_DisplayName")!.GetAttribute("value"));

        response = await admin.SubmitFormAsync("/admin/usuarios/invitar", "form.invite-form", new Dictionary<string, string>
        {
            ["Form.Email"] = "sinproyecto@municipio.example",
            ["Form.DisplayName"] = "Sin Proyecto",
            ["Form.Roles"] = Roles.MunicipalTeam,
        });
        page = await PortalClient.ParseAsync(response);
        Assert.Contains("Elegí el proyecto", page.QuerySelector("#Form_ProjectId-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "sinproyecto@municipio.example")));
    }

    [Fact]
    public async Task Deactivate_BlocksSignIn_KeepsTheAccount_AndIsAudited()
    {
        var user = await factory.CreateUserAsync("baja@programa.example", Roles.Expert);
        using var admin = await AdminAsync();
        var response = await admin.SubmitFormAsync("/admin/usuarios", $"form[action='/admin/usuarios/{user.Id}/desactivar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync("baja@programa.example")).StatusCode);
        var stored = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.False(stored.IsActive);
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);

        var audit = await admin.GetPageAsync("/admin/auditoria");
        Assert.Contains("Desactivar usuario", audit.QuerySelector("table.audit-table tbody tr")!.TextContent, StringComparison.Ordinal);

        await admin.SubmitFormAsync("/admin/usuarios", $"form[action='/admin/usuarios/{user.Id}/reactivar']", new Dictionary<string, string>());
        await client.SignInAsync("baja@programa.example");
    }

    [Fact]
    public async Task EditUser_ChangesRolesAndTeam_AndIsAudited()
    {
        var user = await factory.CreateUserAsync("cambio.rol@programa.example", Roles.Expert);
        var bariloche = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "bariloche" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());
        using var admin = await AdminAsync();
        var response = await admin.SubmitFormAsync($"/admin/usuarios/{user.Id}", "form.user-form", new Dictionary<string, string>
        {
            ["Form.Roles"] = Roles.MunicipalTeam,
            ["Form.ProjectId"] = bariloche.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal([bariloche], await factory.WithDbAsync(db => db.ProjectMembers.Where(m => m.UserId == user.Id).Select(m => m.ProjectId).ToListAsync()));
        var list = await admin.GetPageAsync("/admin/usuarios");
        var row = list.QuerySelector("tr[data-email='cambio.rol@programa.example']")!;
        Assert.Contains(Roles.MunicipalTeam, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Roles.Expert, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bariloche", row.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserEdited && a.EntityId == user.Id)));
    }

    [Fact]
    public async Task EditUser_KeepsTheTeamsOfOtherEditions_UnlessUnticked()
    {
        // A team member in the closed 2021 edition and in the current one, as every demo team is.
        var user = await factory.CreateUserAsync("dos.ediciones@programa.example", Roles.MunicipalTeam, "gualeguaychu");
        var (current, closed) = await factory.WithDbAsync(async db =>
        {
            var projects = await db.Projects.Where(p => p.Municipality.Slug == "gualeguaychu")
                .Select(p => new { p.Id, p.Edition.Name }).ToListAsync();
            var closedId = projects.Single(p => p.Name == Core.Data.Seeding.ReferenceData.FirstEditionName).Id;
            db.ProjectMembers.Add(new ProjectMember { ProjectId = closedId, UserId = user.Id, JoinedAtUtc = factory.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            return (projects.Single(p => p.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Id, closedId);
        });
        Task<List<int>> MembershipsAsync() => factory.WithDbAsync(db => db.ProjectMembers.Where(m => m.UserId == user.Id).Select(m => m.ProjectId).OrderBy(id => id).ToListAsync());
        using var admin = await AdminAsync();
        var url = $"/admin/usuarios/{user.Id}";

        // The newest edition's team is the one chosen; the 2021 team is listed, ticked.
        var page = await admin.GetPageAsync(url);
        Assert.Equal(current.ToString(), page.QuerySelector("#Form_ProjectId option[selected]")!.GetAttribute("value"));
        var other = page.QuerySelector("input[name='Form.OtherProjectIds']")!;
        Assert.Equal(closed.ToString(), other.GetAttribute("value"));
        Assert.True(other.HasAttribute("checked"));
        Assert.Contains("Gualeguaychú – " + Core.Data.Seeding.ReferenceData.FirstEditionName, page.QuerySelector($"label[for='{other.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gualeguaychú (2 ediciones)", (await admin.GetPageAsync("/admin/usuarios")).QuerySelector("tr[data-email='dos.ediciones@programa.example']")!.TextContent, StringComparison.Ordinal);

        // Renaming the person keeps both teams (it used to drop every team but the chosen one).
        var renamed = await admin.SubmitFormAsync(page, "form.user-form", new Dictionary<string, string> { ["Form.DisplayName"] = "Persona en dos ediciones" }, url);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(new[] { current, closed }.Order().ToList(), await MembershipsAsync());

        // A forged id of a project the person is not in adds nothing; unticking leaves that team.
        var fields = PortalClient.FormFields(await admin.GetPageAsync(url), "form.user-form");
        fields.RemoveAll(f => f.Key == "Form.OtherProjectIds");
        var bariloche = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "bariloche").Select(p => p.Id).FirstAsync());
        fields.Add(new("Form.OtherProjectIds", bariloche.ToString()));
        var unticked = await admin.Http.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
        Assert.Equal([current], await MembershipsAsync());

        // Without the team role, keeping another edition's team is refused in Spanish next to the list.
        await factory.WithDbAsync(async db =>
        {
            db.ProjectMembers.Add(new ProjectMember { ProjectId = closed, UserId = user.Id, JoinedAtUtc = factory.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        var refused = await admin.SubmitFormAsync(url, "form.user-form", new Dictionary<string, string> { ["Form.Roles"] = Roles.Expert, ["Form.ProjectId"] = "" });
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Solo el rol «Equipo municipal» integra equipos", (await PortalClient.ParseAsync(refused)).QuerySelector("#Form_OtherProjectIds-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(new[] { current, closed }.Order().ToList(), await MembershipsAsync());
    }

    [Fact]
    public async Task EditUser_ShowsTheAccountsAddressAndState_WithoutListingEveryUser()
    {
        var user = await factory.CreateUserAsync("editar.inactiva@programa.example", Roles.Expert);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        using var admin = await AdminAsync();
        var url = $"/admin/usuarios/{user.Id}";
        await admin.GetPageAsync("/admin/usuarios");
        await admin.GetPageAsync(url); // warm-up

        factory.SqlCounter.Reset();
        factory.SqlCounter.Enabled = true;
        IReadOnlyList<string> listCommands, editCommands, invalidCommands;
        AngleSharp.Dom.IDocument page;
        HttpResponseMessage invalid;
        try
        {
            await admin.GetPageAsync("/admin/usuarios");
            listCommands = factory.SqlCounter.Commands;
            factory.SqlCounter.Reset();
            page = await admin.GetPageAsync(url);
            editCommands = factory.SqlCounter.Commands;
            factory.SqlCounter.Reset();
            invalid = await admin.SubmitFormAsync(url, "form.user-form", new Dictionary<string, string> { ["Form.Roles"] = "" });
            invalidCommands = factory.SqlCounter.Commands;
        }
        finally
        {
            factory.SqlCounter.Enabled = false;
        }

        Assert.Contains("Editar la cuenta de editar.inactiva@programa.example", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("La cuenta está desactivada", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, invalid.StatusCode);
        var rerendered = await PortalClient.ParseAsync(invalid);
        Assert.Contains("Elegí al menos un rol.", rerendered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Editar la cuenta de editar.inactiva@programa.example", rerendered.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("La cuenta está desactivada", rerendered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The users list reads every invitation; one account's page has no reason to.
        static bool ReadsInvitations(string sql) => sql.Contains("FROM \"Invitations\"", StringComparison.Ordinal);
        Assert.Contains(listCommands, ReadsInvitations);
        Assert.DoesNotContain(editCommands, ReadsInvitations);
        Assert.DoesNotContain(invalidCommands, ReadsInvitations);
    }
}
