using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.StageTemplates;

namespace ProgramaInnovacion.IntegrationTests.Administration;

/// <summary>Two administrators changing one stage's form at once: its version token keeps both from losing a field silently.</summary>
public class StageTemplateConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin@programa.example")], "prueba"));

    private async Task<(int Edition, int Stage)> StageAsync(string key) =>
        await factory.WithDbAsync(async db =>
        {
            var s = await db.StageDefinitions.Where(d => d.Key == key).OrderBy(d => d.EditionId).Select(d => new { d.EditionId, d.Id }).FirstAsync();
            return (s.EditionId, s.Id);
        });

    private Task<List<string>> KeysAsync(int stageId) =>
        factory.WithDbAsync(async db => StageSchema.FromJson(await db.StageDefinitions.Where(d => d.Id == stageId).Select(d => d.SchemaJson).SingleAsync()).Fields.Select(f => f.Key).ToList());

    private static Func<StageSchema, HashSet<string>, SchemaEditResult> AddField(string key) =>
        (schema, withContent) => StageSchemaEditor.Add(schema, new FieldDefinition { Key = key, Label = key, Type = FieldType.ShortText, MaxLength = 200 }, withContent);

    private static Task<IReadOnlyList<SchemaError>?> EditAsync(AsyncServiceScope scope, int edition, int stage, string key) =>
        scope.ServiceProvider.GetRequiredService<StageTemplateEditor>().EditSchemaAsync(edition, stage, AddField(key), Admin, "Agregar campo", key);

    [Fact]
    public async Task TwoAdministratorsAddAFieldAtOnce_TheSecondSaveIsAConcurrencyConflict_AndTheFirstFieldStays()
    {
        var (edition, stage) = await StageAsync("validacion");
        await using var first = factory.CreateScope();
        await using var second = factory.CreateScope();
        // Both have read the stage's form before either saves.
        await first.ServiceProvider.GetRequiredService<AppDbContext>().StageDefinitions.SingleAsync(d => d.Id == stage);
        await second.ServiceProvider.GetRequiredService<AppDbContext>().StageDefinitions.SingleAsync(d => d.Id == stage);

        Assert.Equal([], await EditAsync(first, edition, stage, "primero"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => EditAsync(second, edition, stage, "segundo"));

        var keys = await KeysAsync(stage);
        Assert.Contains("primero", keys);
        Assert.DoesNotContain("segundo", keys);
    }

    [Fact]
    public async Task AddingAFieldWhileAnotherAdministratorSaves_ShowsTheSpanishConflictPage_AndLosesNeitherChange()
    {
        var (edition, stage) = await StageAsync("actores");
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        factory.Race.Arm<StageDefinition>(async () =>
        {
            await using var other = factory.CreateScope();
            Assert.Equal([], await EditAsync(other, edition, stage, "de-la-otra-persona"));
        });

        var response = await admin.SubmitFormAsync($"/admin/ediciones/{edition}/etapas/{stage}/campos/nuevo", "form.field-form", new Dictionary<string, string>
        {
            ["Form.Key"] = "mio",
            ["Form.Label"] = "Mío",
            ["Form.Type"] = "ShortText",
            ["confirmado"] = "true",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(ConcurrencyConflict.Message, page.Body!.TextContent, StringComparison.Ordinal);
        var keys = await KeysAsync(stage);
        Assert.Contains("de-la-otra-persona", keys);
        Assert.DoesNotContain("mio", keys); // not written over the other change: the administrator adds it again
    }
}
