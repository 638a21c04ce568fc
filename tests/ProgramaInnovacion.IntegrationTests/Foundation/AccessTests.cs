using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

public class AccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/proyectos/1")]
    [InlineData("/cuenta/cambiar-contrasena")]
    [InlineData("/una-pagina-que-no-existe")]
    public async Task Anonymous_AskingForAPage_IsSentToLogin(string url)
    {
        using var client = factory.CreatePortalClient();
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cuenta/ingresar", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/cuenta/ingresar")]
    [InlineData("/cuenta/olvide-mi-contrasena")]
    [InlineData("/cuenta/restablecer-contrasena?code=abc&email=a%40b.example")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/css/site.css")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css")]
    public async Task Anonymous_CanReachLoginPasswordResetHealthAndStaticFiles(string url)
    {
        using var client = factory.CreatePortalClient();
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthReady_ChecksTheDatabase()
    {
        using var client = factory.CreatePortalClient();
        Assert.Equal("Healthy", await client.Http.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task TeamMember_AskingForAnotherMunicipalitysProject_GetsNotFoundWithoutItsContent()
    {
        var ids = await factory.WithDbAsync(db => db.Projects.Where(p => p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => new { p.Municipality.Slug, p.Id }).ToDictionaryAsync(p => p.Slug, p => p.Id));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");

        var own = await client.Http.GetAsync($"/proyectos/{ids["tandil"]}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        foreach (var other in new[] { "bariloche", "jesusmaria", "bahiablanca", "gualeguaychu" })
        {
            var response = await client.Http.GetAsync($"/proyectos/{ids[other]}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Bariloche", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Reclamos vecinales", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/proyectos/99999")).StatusCode);
    }

    [Fact]
    public async Task Expert_AskingForAProject_GetsNotFound()
    {
        var id = await factory.WithDbAsync(db => db.Projects.Select(p => p.Id).FirstAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("experta1@programa.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/proyectos/{id}")).StatusCode);
    }

    [Fact]
    public async Task Coordinator_CanReadEveryProject()
    {
        var ids = await factory.WithDbAsync(db => db.Projects.Select(p => p.Id).ToListAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/proyectos/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.Http.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "tandil@programa.example",
            ["Password"] = Core.Data.Seeding.DemoSeeder.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("La solicitud no es válida", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamMember_ReadAndEditChecksInOneRequest_LookUpMembershipOnce()
    {
        var ids = await factory.WithDbAsync(db => db.Projects.Where(p => p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => new { p.Municipality.Slug, p.Id }).ToDictionaryAsync(p => p.Slug, p => p.Id));
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "tandil@programa.example").Select(u => u.Id).SingleAsync());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, Roles.MunicipalTeam)], "Test"));
        await using var scope = factory.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<ProjectAccess>();

        factory.SqlCounter.Reset();
        factory.SqlCounter.Enabled = true;
        try
        {
            Assert.True(await access.IsAllowedAsync(user, ids["tandil"], ProjectOperation.Read));
            Assert.True(await access.IsAllowedAsync(user, ids["tandil"], ProjectOperation.Edit));
            Assert.False(await access.IsAllowedAsync(user, ids["tandil"], ProjectOperation.Review));
            Assert.Equal(1, factory.SqlCounter.Count);

            Assert.False(await access.IsAllowedAsync(user, ids["bariloche"], ProjectOperation.Read));
            Assert.False(await access.IsAllowedAsync(user, ids["bariloche"], ProjectOperation.Edit));
            Assert.Equal(2, factory.SqlCounter.Count);
        }
        finally
        {
            factory.SqlCounter.Enabled = false;
        }
    }

    [Fact]
    public void EveryEndpoint_DeclaresWhoMayCallIt()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints sin [Authorize] ni [AllowAnonymous]: " + string.Join(", ", undeclared));
    }
}
