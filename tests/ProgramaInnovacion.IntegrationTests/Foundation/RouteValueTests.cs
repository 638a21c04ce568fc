using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// The URL names the object a request acts on (and the one it was authorized for): a posted field
/// with the same name as a route value must never replace it.
/// </summary>
public partial class RouteValueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task CommentPostedWithAnotherStageKey_IsFiledOnTheStageOfTheUrl()
    {
        var tandil = await ProjectIdAsync("tandil");
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");
        var token = await TokenAsync(team, "/");

        var response = await team.Http.PostAsync($"/proyectos/{tandil}/etapas/mesa-expertos/comentarios", Form(token, ["texto", "Comentario para la mesa."], ["key", "desafio"], ["id", "999"]));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var filedOn = await factory.WithDbAsync(db => db.Comments.Where(c => c.BodyMarkdown == "Comentario para la mesa.")
            .Select(c => c.Deliverable.ProjectStage.ProjectId + "/" + c.Deliverable.ProjectStage.StageDefinition.Key).ToListAsync());
        Assert.Equal([$"{tandil}/mesa-expertos"], filedOn);
    }

    [Fact]
    public async Task StageAddedWithAnotherEditionId_IsAddedToTheEditionOfTheUrl()
    {
        var editionId = await factory.WithDbAsync(db => db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var response = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/etapas", $"form[action='/admin/ediciones/{editionId}/etapas']",
            new Dictionary<string, string> { ["NewStage.Key"] = "escalamiento-ruta", ["NewStage.Name"] = "Escalamiento", ["EditionId"] = "999" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(editionId, await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.Key == "escalamiento-ruta").Select(s => s.EditionId).SingleAsync()));
    }

    /// <summary>
    /// Every POST endpoint with route values, found through the app's endpoint data source, posted
    /// with fields named like its route values that point at another object (another project, stage,
    /// edition) or at none (999): never a 500, and the other objects stay as they were.
    /// </summary>
    [Fact]
    public async Task EveryPostEndpoint_WithRouteValuesOverriddenByFormFields_NeverFailsNorTouchesAnotherObject()
    {
        var ids = await ArrangeAsync();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true && e.RoutePattern.Parameters.Count > 0)
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToList();
        Assert.True(endpoints.Count >= 30, $"Solo {endpoints.Count} endpoints POST con valores de ruta: ¿cambió el enrutamiento?");
        Assert.Contains("proyectos/{id:int}/etapas/{key}/comentarios", endpoints);
        Assert.Contains("admin/ediciones/{editionId:int}/etapas", endpoints);

        var clients = new Dictionary<string, (PortalClient Client, string Token)>();
        foreach (var (role, email) in new[] { ("admin", "admin@programa.example"), ("team", "tandil@programa.example"), ("expert", "experta1@programa.example") })
        {
            var client = factory.CreatePortalClient();
            await client.SignInAsync(email);
            clients[role] = (client, await TokenAsync(client, "/"));
        }

        var anonymous = factory.CreatePortalClient();
        clients["anonymous"] = (anonymous, await TokenAsync(anonymous, "/cuenta/ingresar"));

        var before = await FingerprintAsync(ids);
        var failures = new List<string>();
        foreach (var template in endpoints)
        {
            var role = template.StartsWith("panel/", StringComparison.Ordinal) ? "expert"
                : template.StartsWith("invitacion/", StringComparison.Ordinal) ? "anonymous"
                : template.StartsWith("proyectos/", StringComparison.Ordinal) && !template.Contains("revision", StringComparison.Ordinal) ? "team"
                : "admin";
            var (client, token) = clients[role];
            var url = RouteParameter().Replace(template, m => Uri.EscapeDataString(ids.Target(template, m.Groups[1].Value)));
            foreach (var other in new[] { true, false })
            {
                var overrides = RouteParameter().Matches(template).Select(m => new[] { m.Groups[1].Value, other ? ids.Other(template, m.Groups[1].Value) : Missing(m.Groups[1].Value) }).ToArray();
                var response = await client.Http.PostAsync("/" + url, Form(token, overrides));
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"POST /{url} con {string.Join("&", overrides.Select(o => o[0] + "=" + o[1]))} → 500");
                }
            }
        }

        foreach (var (client, _) in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await FingerprintAsync(ids));
    }

    private static string Missing(string parameter) => parameter is "key" or "token" ? "no-existe" : "999";

    private Task<int> ProjectIdAsync(string slug) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());

    private static async Task<string> TokenAsync(PortalClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} no tiene un formulario con token.");
    }

    private static FormUrlEncodedContent Form(string token, params string[][] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f[0], f[1]))]);

    /// <summary>The objects the URLs name (targets) and the ones the posted fields name (others).</summary>
    private sealed record Ids(int Project, int OtherProject, int Edition, int OtherEdition, int Stage, int OtherStage, string FieldKey, int Municipality, int OtherMunicipality,
        string User, string OtherUser, int Assignment)
    {
        public string Target(string template, string parameter) => parameter switch
        {
            "editionId" => Edition.ToString(),
            "stageId" => Stage.ToString(),
            "key" when template.StartsWith("admin/", StringComparison.Ordinal) => FieldKey,
            "key" => "mesa-expertos",
            "projectId" => Project.ToString(),
            "assignmentId" => Assignment.ToString(),
            "id" when template.StartsWith("proyectos/", StringComparison.Ordinal) => Project.ToString(),
            "id" when template.StartsWith("admin/ediciones", StringComparison.Ordinal) => Edition.ToString(),
            "id" when template.StartsWith("admin/municipios", StringComparison.Ordinal) => Municipality.ToString(),
            "id" when template.StartsWith("admin/usuarios", StringComparison.Ordinal) => User,
            "token" => "una-invitacion-cualquiera",
            _ => "1",
        };

        public string Other(string template, string parameter) => parameter switch
        {
            "editionId" => OtherEdition.ToString(),
            "stageId" => OtherStage.ToString(),
            "key" when template.StartsWith("admin/", StringComparison.Ordinal) => "otro-campo",
            "key" => "desafio",
            "projectId" => OtherProject.ToString(),
            "id" when template.StartsWith("proyectos/", StringComparison.Ordinal) => OtherProject.ToString(),
            "id" when template.StartsWith("admin/ediciones", StringComparison.Ordinal) => OtherEdition.ToString(),
            "id" when template.StartsWith("admin/municipios", StringComparison.Ordinal) => OtherMunicipality.ToString(),
            "id" when template.StartsWith("admin/usuarios", StringComparison.Ordinal) => OtherUser,
            _ => "2",
        };
    }

    /// <summary>A second edition with one stage (the "other" edition), and the ids of the demo objects.</summary>
    private async Task<Ids> ArrangeAsync()
    {
        var tandil = await ProjectIdAsync("tandil");
        var bariloche = await ProjectIdAsync("bariloche");
        return await factory.WithDbAsync(async db =>
        {
            var other = new ProgramEdition { Name = "Edición de control", Theme = "Control", StartsAtUtc = new DateTime(2022, 3, 1, 3, 0, 0, DateTimeKind.Utc) };
            other.Stages.Add(new StageDefinition { Order = 1, Key = "control", Name = "Etapa de control", SchemaJson = "{\"fields\":[{\"key\":\"otro-campo\",\"label\":\"Otro\",\"type\":\"ShortText\"}]}" });
            db.Editions.Add(other);
            await db.SaveChangesAsync();
            var edition = await db.Projects.Where(p => p.Id == tandil).Select(p => p.EditionId).SingleAsync();
            var stage = await db.StageDefinitions.Where(s => s.EditionId == edition && s.Key == "desafio").SingleAsync();
            var fieldKey = Regex.Match(stage.SchemaJson, "\"key\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
            var municipalities = await db.Projects.Where(p => p.Id == tandil || p.Id == bariloche).OrderBy(p => p.Id == tandil ? 0 : 1).Select(p => p.MunicipalityId).ToListAsync();
            var users = await db.Users.Where(u => u.Email == "experto2@programa.example" || u.Email == "bariloche@programa.example").OrderBy(u => u.Email).Select(u => u.Id).ToListAsync();
            var assignment = await db.PanelAssignments.Where(a => a.ProjectId == tandil).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            return new Ids(tandil, bariloche, edition, other.Id, stage.Id, other.Stages[0].Id, fieldKey, municipalities[0], municipalities[1], users[1], users[0], assignment);
        });
    }

    /// <summary>What a request that obeyed a posted field instead of the URL would have changed.</summary>
    private Task<string> FingerprintAsync(Ids ids) =>
        factory.WithDbAsync(async db =>
        {
            var project = await db.ProjectStages.Where(s => s.ProjectId == ids.OtherProject).OrderBy(s => s.StageDefinition.Order)
                .Select(s => $"{s.StageDefinition.Key}:{s.State}:{(s.Deliverable == null ? 0 : s.Deliverable.Comments.Count)}:{s.Events.Count}:{(s.Deliverable == null ? 0 : s.Deliverable.Revisions.Count)}")
                .ToListAsync();
            var desafio = await db.ProjectStages.Where(s => s.ProjectId == ids.Project && s.StageDefinition.Key == "desafio")
                .Select(s => $"{s.State}:{(s.Deliverable == null ? 0 : s.Deliverable.Comments.Count)}:{s.Events.Count}").SingleAsync();
            var edition = await db.Editions.Where(e => e.Id == ids.OtherEdition)
                .Select(e => $"{e.Name}:{e.Theme}:{e.Projects.Count}:" + string.Join(",", e.Stages.OrderBy(s => s.Order).Select(s => s.Key + s.Name + s.SchemaJson + s.DueAtUtc))).SingleAsync();
            var municipality = await db.Municipalities.Where(m => m.Id == ids.OtherMunicipality).Select(m => $"{m.Name}:{m.Province}:{m.Slug}:{m.Category}:{m.Population}").SingleAsync();
            var user = await db.Users.Where(u => u.Id == ids.OtherUser).Select(u => $"{u.DisplayName}:{u.IsActive}:{u.SecurityStamp}").SingleAsync();
            var panel = await db.PanelAssignments.CountAsync(a => a.ProjectId == ids.OtherProject);
            return string.Join("\n", [.. project, desafio, edition, municipality, user, panel.ToString()]);
        });

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
