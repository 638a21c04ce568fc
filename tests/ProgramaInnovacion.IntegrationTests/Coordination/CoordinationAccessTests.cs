using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

public class CoordinationAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Every coordination and administration page; {e} is the demo edition, {s} its first stage.</summary>
    public static readonly TheoryData<string> CoordinationGets =
    [
        "/coordinacion",
        "/coordinacion?edicion={e}",
        "/coordinacion/exportar/progreso.xlsx",
        "/coordinacion/exportar/progreso.csv",
        "/coordinacion/exportar/entregables.xlsx",
        "/coordinacion/exportar/entregables.csv",
        "/admin",
        "/admin/ediciones",
        "/admin/ediciones/nueva",
        "/admin/ediciones/{e}",
        "/admin/ediciones/{e}/etapas",
        "/admin/ediciones/{e}/etapas/{s}",
        "/admin/ediciones/{e}/etapas/{s}/campos/nuevo",
        "/admin/ediciones/{e}/etapas/{s}/campos/titulo",
        "/admin/municipios",
        "/admin/municipios/nuevo",
        "/admin/municipios/1",
        "/admin/usuarios",
        "/admin/usuarios/invitar",
        "/admin/auditoria",
    ];

    public static readonly TheoryData<string> CoordinationPosts =
    [
        "/admin/ediciones/nueva",
        "/admin/ediciones/{e}",
        "/admin/ediciones/{e}/proyectos",
        "/admin/ediciones/{e}/etapas",
        "/admin/ediciones/{e}/etapas/{s}",
        "/admin/ediciones/{e}/etapas/{s}/mover",
        "/admin/ediciones/{e}/etapas/{s}/campos/nuevo",
        "/admin/ediciones/{e}/etapas/{s}/campos/titulo",
        "/admin/ediciones/{e}/etapas/{s}/campos/titulo/quitar",
        "/admin/ediciones/{e}/etapas/{s}/campos/titulo/mover",
        "/admin/municipios/nuevo",
        "/admin/municipios/1",
        "/admin/usuarios/invitar",
        "/admin/usuarios/x/reenviar",
        "/admin/usuarios/x/desactivar",
        "/admin/usuarios/x/reactivar",
    ];

    private async Task<string> ResolveAsync(string template)
    {
        var (edition, stage) = await factory.WithDbAsync(async db =>
        {
            var s = await db.StageDefinitions.Where(d => d.Key == "desafio").OrderBy(d => d.EditionId).Select(d => new { d.EditionId, d.Id }).FirstAsync();
            return (s.EditionId, s.Id);
        });
        return template.Replace("{e}", edition.ToString(), StringComparison.Ordinal).Replace("{s}", stage.ToString(), StringComparison.Ordinal);
    }

    private static async Task AssertForbiddenAsync(PortalClient client, HttpResponseMessage response, string url)
    {
        // The cookie handler sends a signed-in user without the role to the access-denied page, which answers 403.
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: HTTP {(int)response.StatusCode}");
        Assert.Equal("/cuenta/acceso-denegado", response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(CoordinationGets))]
    public async Task TeamMembersAndExperts_GetForbidden_OnEveryCoordinationPage(string template)
    {
        var url = await ResolveAsync(template);
        foreach (var email in new[] { "tandil@programa.example", "experta1@programa.example" })
        {
            using var client = factory.CreatePortalClient();
            await client.SignInAsync(email);
            await AssertForbiddenAsync(client, await client.Http.GetAsync(url), url);
        }
    }

    [Theory]
    [MemberData(nameof(CoordinationPosts))]
    public async Task TeamMembersAndExperts_GetForbidden_OnEveryAdministrativeChange(string template)
    {
        var url = await ResolveAsync(template);
        foreach (var email in new[] { "bariloche@programa.example", "experto2@programa.example" })
        {
            using var client = factory.CreatePortalClient();
            await client.SignInAsync(email);
            await AssertForbiddenAsync(client, await client.Http.PostAsync(url, new FormUrlEncodedContent([])), url);
        }
    }

    [Theory]
    [InlineData("/admin/usuarios")]
    [InlineData("/admin/usuarios/invitar")]
    [InlineData("/admin/auditoria")]
    [InlineData("/admin/ediciones/nueva")]
    [InlineData("/admin/municipios/nuevo")]
    public async Task Coordinator_GetsForbidden_OnAdministratorOnlyPages(string url)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        await AssertForbiddenAsync(client, await client.Http.GetAsync(url), url);
    }

    [Theory]
    [InlineData("/coordinacion")]
    [InlineData("/admin")]
    [InlineData("/admin/ediciones")]
    [InlineData("/admin/ediciones/{e}")]
    [InlineData("/admin/ediciones/{e}/etapas")]
    [InlineData("/admin/ediciones/{e}/etapas/{s}")]
    [InlineData("/admin/municipios")]
    public async Task Coordinator_CanReadTheCoordinationAndEditionPages(string template)
    {
        var url = await ResolveAsync(template);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        var page = await client.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task Navigation_ShowsCoordinationLinks_OnlyToCoordinatorsAndAdministrators()
    {
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        Assert.NotNull((await coordinator.GetPageAsync("/")).QuerySelector("nav a[href='/coordinacion']"));

        using var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");
        Assert.Null((await team.GetPageAsync("/")).QuerySelector("nav a[href='/coordinacion']"));
    }
}
