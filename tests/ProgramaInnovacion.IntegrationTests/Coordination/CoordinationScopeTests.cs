using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Stages;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

/// <summary>
/// Coordinators scoped to editions: the demo coordinator coordinates the demo edition only, and
/// finds a second edition closed (404) on every coordination endpoint; an administrator sees both;
/// a coordinator of the second edition sees it and not the first.
/// </summary>
public class CoordinationScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string SecondEditionName = "Edición 2022 de prueba";
    private const string OtherCoordinator = "coordinacion2022@programa.example";

    private sealed record Other(int EditionId, int ProjectId, int StageId, string Key, int FirstEditionId);

    private Other _other = null!;

    public async Task InitializeAsync()
    {
        if (!await factory.WithDbAsync(db => db.Editions.AnyAsync(e => e.Name == SecondEditionName)))
        {
            // The second edition is made the way an administrator makes one: a copy of the first, with a municipality.
            using var admin = factory.CreatePortalClient();
            await admin.SignInAsync("admin@programa.example");
            var firstId = await factory.WithDbAsync(db => db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
            var created = await admin.SubmitFormAsync("/admin/ediciones/nueva", "form.edition-form", new Dictionary<string, string>
            {
                ["Form.Name"] = SecondEditionName,
                ["Form.Theme"] = "Datos abiertos",
                ["Form.StartDate"] = "2022-03-01",
                ["Form.CopyFromEditionId"] = firstId.ToString(CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var editionPath = created.Headers.Location!.OriginalString;
            var municipality = await factory.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "tandil").Select(m => m.Id).SingleAsync());
            var added = await admin.SubmitFormAsync(editionPath, "form[action$='/proyectos']", new Dictionary<string, string> { ["municipioId"] = municipality.ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

            var coordinator = await factory.CreateUserAsync(OtherCoordinator, Roles.Coordinator);
            await factory.WithDbAsync(async db =>
            {
                var stage = await db.ProjectStages.Include(s => s.StageDefinition).Include(s => s.Project)
                    .Where(s => s.Project.Edition.Name == SecondEditionName).OrderBy(s => s.StageDefinition.Order).FirstAsync();
                db.ForceState(stage, StageState.Submitted);
                db.ForceSubmittedAt(stage, factory.Time.GetUtcNow().UtcDateTime);
                db.CoordinatorEditions.Add(new CoordinatorEdition { UserId = coordinator.Id, EditionId = stage.Project.EditionId });
                await db.SaveChangesAsync();
            });
        }

        _other = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Where(s => s.Project.Edition.Name == SecondEditionName).OrderBy(s => s.StageDefinition.Order)
                .Select(s => new { s.Project.EditionId, s.ProjectId, s.StageDefinitionId, s.StageDefinition.Key }).FirstAsync();
            var first = await db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            return new Other(stage.EditionId, stage.ProjectId, stage.StageDefinitionId, stage.Key, first);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Resolve(string template) => template
        .Replace("{e}", _other.EditionId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{p}", _other.ProjectId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{s}", _other.StageId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{k}", _other.Key, StringComparison.Ordinal);

    /// <summary>Every coordination page about one edition or one project of it.</summary>
    public static readonly TheoryData<string> ScopedGets =
    [
        "/coordinacion?edicion={e}",
        "/coordinacion/exportar/progreso.xlsx?edicion={e}",
        "/coordinacion/exportar/progreso.csv?edicion={e}",
        "/coordinacion/exportar/entregables.xlsx?edicion={e}",
        "/coordinacion/exportar/entregables.csv?edicion={e}",
        "/coordinacion/vencimientos?edicion={e}",
        "/admin/ediciones/{e}",
        "/admin/ediciones/{e}/etapas",
        "/admin/ediciones/{e}/etapas/{s}",
        "/proyectos/{p}",
        "/proyectos/{p}/etapas/{k}",
        "/proyectos/{p}/etapas/{k}/revision",
        "/proyectos/{p}/etapas/{k}/revisiones",
        "/proyectos/{p}/historial",
        "/proyectos/{p}/dossier",
        "/proyectos/{p}/mesa",
        "/coordinacion/panel/proyectos/{p}",
        "/coordinacion/panel/proyectos/{p}/imprimir",
        "/red?edicion={e}",
    ];

    /// <summary>Every coordination change about one edition or one project of it (the body is what the form would post).</summary>
    public static readonly TheoryData<string, string> ScopedPosts = new()
    {
        { "/proyectos/{p}/etapas/{k}/revision/aprobar", "" },
        { "/proyectos/{p}/etapas/{k}/revision/solicitar-cambios", "comentario=Falta" },
        { "/proyectos/{p}/etapas/{k}/desbloquear", "motivo=Prueba" },
        { "/proyectos/{p}/etapas/{k}/reabrir", "motivo=Prueba" },
        { "/proyectos/{p}/etapas/{k}/comentarios", "texto=Hola" },
        { "/coordinacion/vencimientos", "edicion={e}" },
        { "/coordinacion/panel/proyectos/{p}/asignaciones", "ExpertId=x" },
        { "/coordinacion/panel/proyectos/{p}/publicar", "confirmado=true" },
        { "/coordinacion/panel/proyectos/{p}/cerrar", "" },
        { "/coordinacion/mentores", "Form.ProjectId={p}" },
    };

    [Theory]
    [MemberData(nameof(ScopedGets))]
    public async Task CoordinatorOfOneEdition_GetsNotFound_OnEveryPageOfAnotherEdition(string template)
    {
        var url = Resolve(template);
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        Assert.True((await coordinator.Http.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
    }

    [Theory]
    [MemberData(nameof(ScopedPosts))]
    public async Task CoordinatorOfOneEdition_GetsNotFound_OnEveryChangeToAnotherEdition(string template, string body)
    {
        var url = Resolve(template);
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        // A real antiforgery token, taken from a page the coordinator may use.
        var page = await coordinator.GetPageAsync("/coordinacion/mentores");
        var fields = PortalClient.FormFields(page, "form[action='/coordinacion/mentores']", new Dictionary<string, string>())
            .Where(f => f.Key == "__RequestVerificationToken").ToList();
        fields.AddRange(Resolve(body).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])));
        var response = await coordinator.Http.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: HTTP {(int)response.StatusCode}");
        Assert.Equal(StageState.Submitted, await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.ProjectId == _other.ProjectId && s.StageDefinitionId == _other.StageId).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task CoordinatorOfOneEdition_SeesOnlyItInEveryList()
    {
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        foreach (var url in new[] { "/coordinacion", "/admin/ediciones", "/coordinacion/vencimientos", "/calendario/nueva", "/coordinacion/mentores" })
        {
            var page = await coordinator.GetPageAsync(url);
            Assert.False(page.QuerySelector("main")!.TextContent.Contains(SecondEditionName, StringComparison.Ordinal), url);
        }

        var queue = await coordinator.GetPageAsync("/revision");
        Assert.Null(queue.QuerySelector($"a[href^='/proyectos/{_other.ProjectId}/']"));
        var export = await coordinator.Http.GetStringAsync("/coordinacion/exportar/progreso.csv");
        Assert.DoesNotContain(SecondEditionName, export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionForAnotherEdition_IsRefusedWithASpanishMessage_AndNotSaved()
    {
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var before = await factory.CountAsync<CalendarSession>();
        var response = await coordinator.SubmitFormAsync("/calendario/nueva", "form.session-form", new Dictionary<string, string>
        {
            ["EditionId"] = _other.EditionId.ToString(CultureInfo.InvariantCulture),
            ["Title"] = "Sesión ajena",
            ["Date"] = "2022-04-01",
            ["StartTime"] = "10:00",
            ["EndTime"] = "11:00",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Elegí una edición de la lista.", (await PortalClient.ParseAsync(response)).QuerySelector("#EditionId-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync<CalendarSession>());
    }

    [Fact]
    public async Task Administrator_SeesEveryEdition_AndTheOtherCoordinatorOnlyTheirs()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        Assert.Contains(SecondEditionName, (await admin.GetPageAsync(Resolve("/coordinacion?edicion={e}"))).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var other = factory.CreatePortalClient();
        await other.SignInAsync(OtherCoordinator);
        Assert.Contains(SecondEditionName, (await other.GetPageAsync("/coordinacion")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await other.GetPageAsync("/revision")).QuerySelector($"a[href^='/proyectos/{_other.ProjectId}/']"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/coordinacion?edicion={_other.FirstEditionId}")).StatusCode);
        var tandil2021 = await factory.WithDbAsync(db => db.Projects.Where(p => p.EditionId == _other.FirstEditionId && p.Municipality.Slug == "tandil").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/proyectos/{tandil2021}")).StatusCode);
    }

    [Fact]
    public async Task Administrator_AssignsEditionsToACoordinator_OnTheAccountPage()
    {
        var user = await factory.CreateUserAsync("coordinacion-nueva@programa.example", Roles.Coordinator);
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var page = await admin.GetPageAsync($"/admin/usuarios/{user.Id}");
        var values = new Dictionary<string, string> { ["Form.DisplayName"] = "Coordinación nueva" };
        var fields = PortalClient.FormFields(page, "form.user-form", values);
        fields.Add(new("Form.EditionIds", _other.EditionId.ToString(CultureInfo.InvariantCulture)));
        var saved = await admin.Http.PostAsync($"/admin/usuarios/{user.Id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([_other.EditionId], await factory.WithDbAsync(db => db.CoordinatorEditions.Where(c => c.UserId == user.Id).Select(c => c.EditionId).ToListAsync()));
    }
}
