using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Account;
using ProgramaInnovacion.Web.Features.Network;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>The audit entries of sign-ins, passwords, calendar links, the network and the library, and how administrators read them.</summary>
public class AuditEntriesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<List<AuditEntry>> EntriesAsync(string action) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    private static ClaimsPrincipal Principal(AppUser user, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!), new Claim(ClaimTypes.Role, role)], "Test"));

    [Fact]
    public async Task SigningIn_RecordsTheAccount_AndAFailedAttemptNeverRecordsThePasswordNorAnUnknownTypedAddress()
    {
        var user = await factory.CreateUserAsync("ingresos@programa.example", Roles.Coordinator);
        using var client = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(user.Email!, "una-clave-equivocada-123")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync("nadie-con-este-correo@programa.example", "otra-clave-secreta-456")).StatusCode);
        await client.SignInAsync(user.Email!);

        var signedIn = Assert.Single(await EntriesAsync(AuditActions.SignedIn), a => a.EntityId == user.Id);
        Assert.Equal(user.Id, signedIn.ActorId);
        var failed = await EntriesAsync(AuditActions.SignInFailed);
        var wrongPassword = Assert.Single(failed, a => a.EntityId == user.Id);
        Assert.Equal("ingresos@programa.example: contraseña incorrecta", wrongPassword.Details);
        Assert.Contains(failed, a => a.EntityId == null && a.Details == "Correo no registrado");
        Assert.DoesNotContain(failed, a => (a.Details ?? "").Contains("clave", StringComparison.Ordinal) || (a.Details ?? "").Contains("nadie-con-este-correo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAuditPage_ListsSignInsApartFromChanges_InSpanish()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var changes = await admin.GetPageAsync("/admin/auditoria");
        var signIns = await admin.GetPageAsync("/admin/auditoria?vista=ingresos");

        Assert.DoesNotContain(changes.QuerySelectorAll("table.audit-table tbody th"), th => th.TextContent == "Ingresar al portal");
        Assert.Contains(signIns.QuerySelectorAll("table.audit-table tbody th"), th => th.TextContent == "Ingresar al portal");
        Assert.Equal("page", signIns.QuerySelector("a.nav-link[href='/admin/auditoria?vista=ingresos']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TheAuditPage_ShowsActionsAndSubjectsInSpanish_AlsoForNamesStoredBefore()
    {
        await factory.WithDbAsync(async db =>
        {
            var at = factory.Time.GetUtcNow().UtcDateTime.AddYears(1); // newest, so on the first page
            db.AuditEntries.Add(new AuditEntry { Action = "panel.evaluacion.enviada", EntityType = nameof(PanelAssignment), EntityId = "7", OccurredAtUtc = at });
            db.AuditEntries.Add(new AuditEntry { Action = AuditActions.ExpertAssigned, EntityType = nameof(PanelAssignment), EntityId = "8", OccurredAtUtc = at });
            await db.SaveChangesAsync();
        });
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var rows = (await admin.GetPageAsync("/admin/auditoria")).QuerySelectorAll("table.audit-table tbody tr").Take(2).Select(r => r.TextContent).ToList();

        Assert.Contains(rows, r => r.Contains("Asignar persona experta", StringComparison.Ordinal) && r.Contains("Asignación de la mesa 8", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Enviar evaluación de la mesa", StringComparison.Ordinal) && r.Contains("Asignación de la mesa 7", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("panel.", StringComparison.Ordinal) || r.Contains(nameof(PanelAssignment), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangingAndResettingAPassword_AreAudited()
    {
        var user = await factory.CreateUserAsync("claves@programa.example", Roles.Coordinator);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        const string changed = "una frase nueva y bastante larga";
        var response = await client.SubmitFormAsync("/cuenta/cambiar-contrasena", "main form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoSeeder.DemoPassword,
            ["NewPassword"] = changed,
            ["ConfirmPassword"] = changed,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var tracked = (await users.FindByIdAsync(user.Id))!;
            var token = await users.GeneratePasswordResetTokenAsync(tracked);
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountCommands>().ResetPasswordAsync(tracked, token, "otra frase nueva y larga")).Succeeded);
        }

        var change = Assert.Single(await EntriesAsync(AuditActions.PasswordChanged), a => a.EntityId == user.Id);
        Assert.Equal(user.Id, change.ActorId);
        var reset = Assert.Single(await EntriesAsync(AuditActions.PasswordReset), a => a.EntityId == user.Id);
        Assert.Equal(user.Id, reset.ActorId);
        Assert.DoesNotContain(new[] { change, reset }, a => (a.Details ?? "").Contains("frase", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreatingAndRevokingACalendarLink_AreAudited_WithoutTheToken()
    {
        var user = await factory.CreateUserAsync("calendario-auditado@programa.example", Roles.Coordinator);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/calendario/suscripcion", "form[action='/calendario/suscripcion/generar']", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/calendario/suscripcion", "form[action='/calendario/suscripcion/revocar']", new Dictionary<string, string>())).StatusCode);

        var created = Assert.Single(await EntriesAsync(AuditActions.FeedTokenCreated), a => a.ActorId == user.Id);
        Assert.Equal(user.Id, created.EntityId);
        Assert.Single(await EntriesAsync(AuditActions.FeedTokenRevoked), a => a.ActorId == user.Id);
    }

    [Fact]
    public async Task PostingEditingAndCommentingInTheNetwork_AreAudited()
    {
        var user = await factory.CreateUserAsync("red-auditada@programa.example", Roles.MunicipalTeam, "tandil");
        var (editionId, projectId) = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => new { p.EditionId, p.Id }).SingleAsync().ContinueWith(t => (t.Result.EditionId, t.Result.Id)));
        var participant = new Participant(user.Id, editionId, "", false, projectId, false);
        var actor = Principal(user, Roles.MunicipalTeam);
        await using var scope = factory.CreateScope();
        var network = scope.ServiceProvider.GetRequiredService<LearningNetwork>();

        var postId = await network.CreateAsync(participant, new PostForm { Kind = PostKind.Learning, Title = "Aprendimos algo", Body = "Contado." }, actor);
        Assert.True(await network.UpdateAsync(participant, postId, new PostForm { Kind = PostKind.Learning, Title = "Aprendimos algo más", Body = "Contado otra vez." }, actor));
        Assert.True(await network.AddCommentAsync(participant, postId, "Un comentario", actor));

        var id = postId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Aprendimos algo", Assert.Single(await EntriesAsync(AuditActions.PostCreated), a => a.EntityId == id).Details);
        Assert.Equal("Aprendimos algo más", Assert.Single(await EntriesAsync(AuditActions.PostEdited), a => a.EntityId == id).Details);
        Assert.Equal(user.Id, Assert.Single(await EntriesAsync(AuditActions.PostCommented), a => a.EntityId == id).ActorId);
    }

    [Fact]
    public async Task AddingACaseToTheCaseStudy_IsAudited()
    {
        var user = await factory.CreateUserAsync("casos-auditados@programa.example", Roles.MunicipalTeam, "gualeguaychu");
        var deliverableOf = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.Project.Municipality.Slug == "gualeguaychu" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Key == "casos");
            db.ForceState(stage, StageState.Available); // as if a coordinator had unlocked it
            await db.SaveChangesAsync();
            return stage.Id;
        });
        var caseId = await factory.WithDbAsync(db => db.CaseEntries.Where(c => c.City == "Ciudad de Mendoza").Select(c => c.Id).FirstAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/biblioteca/{caseId}", "form.add-case", new Dictionary<string, string>())).StatusCode);

        var deliverableId = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.ProjectStageId == deliverableOf).Select(d => d.Id).SingleAsync());
        var entry = Assert.Single(await EntriesAsync(AuditActions.CaseAddedToCaseStudy), a => a.ActorId == user.Id);
        Assert.Equal(deliverableId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
    }
}
