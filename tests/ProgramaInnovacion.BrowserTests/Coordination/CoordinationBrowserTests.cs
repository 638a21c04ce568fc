using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Coordination;

[Collection(BrowserCollection.Name)]
public partial class CoordinationBrowserTests(BrowserFixture browser)
{
    [GeneratedRegex(@"https?://[^\s]+/invitacion/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();

    /// <summary>Needs the review page of issue 3 (/proyectos/{id}/etapas/{key}/revision) to pass fully.</summary>
    [Fact]
    public async Task Coordinator_OpensTheDashboard_AndFollowsAReviewQueueItemToTheReviewPage()
    {
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync("coordinacion@programa.example");
        var nav = session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Navegación principal" });
        await nav.GetByRole(AriaRole.Button, new() { Name = "Coordinación", Exact = true }).ClickAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Tablero", Exact = true }).ClickAsync();
        await session.Page.WaitForURLAsync(u => u.EndsWith("/coordinacion", StringComparison.Ordinal));
        Assert.Equal("Tablero de coordinación", (await session.Page.Locator("h1").InnerTextAsync()).Trim());

        var item = session.Page.Locator("ol.review-queue li a").First;
        Assert.Contains("—", await item.InnerTextAsync(), StringComparison.Ordinal);
        await item.ClickAsync();
        await session.Page.WaitForURLAsync(u => u.EndsWith("/revision", StringComparison.Ordinal));
        Assert.StartsWith("Revisión", (await session.Page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_InvitesAUser_WhoSetsAPasswordFromTheEmailLink_AndSignsIn()
    {
        const string email = "nueva.persona@municipio.example";
        const string password = "mi contraseña de prueba";
        await using (var admin = await browser.NewSessionAsync())
        {
            await admin.SignInAsync("admin@programa.example");
            await admin.GotoAsync("/admin/usuarios/invitar");
            await admin.Page.GetByLabel("Correo electrónico").FillAsync(email);
            await admin.Page.GetByLabel("Nombre y apellido").FillAsync("Nueva Persona");
            await admin.Page.GetByLabel(Roles.Expert, new() { Exact = true }).CheckAsync();
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Enviar invitación" }).ClickAsync();
            await admin.Page.WaitForURLAsync(u => u.EndsWith("/admin/usuarios", StringComparison.Ordinal));
            Assert.Contains(email, await admin.Page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        }

        await browser.Factory.DeliverMailAsync();
        var message = Directory.GetFiles(browser.Factory.MailPickupPath, "*.eml").Select(path => MimeMessage.Load(path))
            .Single(m => m.To.Mailboxes.Any(b => b.Address == email));
        var link = InvitationLink().Match(message.TextBody ?? "").Value;
        Assert.NotEmpty(link);

        await using var invited = await browser.NewSessionAsync();
        await invited.Page.GotoAsync(link);
        Assert.Equal("Activar tu cuenta", (await invited.Page.Locator("h1").InnerTextAsync()).Trim());
        await invited.AssertNoSeriousA11yViolationsAsync();
        await invited.Page.GetByLabel("Contraseña", new() { Exact = true }).FillAsync(password);
        await invited.Page.GetByLabel("Repetí la contraseña").FillAsync(password);
        await invited.Page.GetByRole(AriaRole.Button, new() { Name = "Activar mi cuenta" }).ClickAsync();
        await invited.Page.WaitForURLAsync(u => !u.Contains("/invitacion/", StringComparison.Ordinal));
        await invited.Page.GetByRole(AriaRole.Button, new() { Name = "Salir" }).ClickAsync();

        await using var again = await browser.NewSessionAsync();
        await again.SignInAsync(email, password);
        Assert.Contains("Nueva Persona", await browser.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/coordinacion")]
    [InlineData("/admin/ediciones/{e}/etapas")]
    [InlineData("/admin/ediciones/{e}/etapas/{s}")]
    [InlineData("/admin/ediciones/{e}/etapas/{s}/campos/titulo")]
    [InlineData("/admin/usuarios")]
    [InlineData("/admin/usuarios/invitar")]
    [InlineData("/admin/ediciones/{e}")]
    [InlineData("/admin/auditoria")]
    public async Task CoordinationAndAdministrationPages_HaveNoSeriousAccessibilityViolations(string template)
    {
        var (edition, stage) = await browser.Factory.WithDbAsync(async db =>
        {
            var s = await db.StageDefinitions.Where(d => d.Key == "desafio").OrderBy(d => d.EditionId).Select(d => new { d.EditionId, d.Id }).FirstAsync();
            return (s.EditionId, s.Id);
        });
        await using var session = await browser.NewSessionAsync();
        await session.SignInAsync("admin@programa.example");
        await session.GotoAsync(template.Replace("{e}", edition.ToString(), StringComparison.Ordinal).Replace("{s}", stage.ToString(), StringComparison.Ordinal));
        await session.AssertNoSeriousA11yViolationsAsync();
    }
}
