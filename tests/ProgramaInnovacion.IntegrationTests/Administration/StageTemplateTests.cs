using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Administration;

public class StageTemplateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(int Edition, int Stage)> StageAsync(string key) =>
        await factory.WithDbAsync(async db =>
        {
            var s = await db.StageDefinitions.Where(d => d.Key == key && d.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(d => new { d.EditionId, d.Id }).FirstAsync();
            return (s.EditionId, s.Id);
        });

    private Task<StageSchema> SchemaAsync(int stageId) =>
        factory.WithDbAsync(async db => StageSchema.FromJson(await db.StageDefinitions.Where(d => d.Id == stageId).Select(d => d.SchemaJson).SingleAsync()));

    private async Task<PortalClient> AdminAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        return client;
    }

    [Fact]
    public async Task RemovingAFieldOfASubmittedStage_AsksForConfirmation_AndKeepsTheOldContentVisibleAsRetired()
    {
        var (edition, stage) = await StageAsync("desafio");
        var tandil = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "tandil" && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());
        var evidence = await factory.WithDbAsync(async db => DeliverableContent.Parse(await db.Deliverables
            .Where(d => d.ProjectStage.ProjectId == tandil && d.ProjectStage.StageDefinitionId == stage).Select(d => d.ContentJson).SingleAsync()).Text("evidencia"));
        Assert.NotEmpty(evidence);
        using var admin = await AdminAsync();

        var stagePage = $"/admin/ediciones/{edition}/etapas/{stage}";
        var confirm = await admin.SubmitFormAsync(stagePage, $"form[action='{stagePage}/campos/evidencia/quitar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmPage = await PortalClient.ParseAsync(confirm);
        Assert.Equal("Confirmar el cambio", confirmPage.QuerySelector("h1")!.TextContent);
        Assert.NotNull((await SchemaAsync(stage)).Find("evidencia"));

        var done = await admin.SubmitFormAsync(confirmPage, "form.confirm-form", new Dictionary<string, string>(), $"{stagePage}/campos/evidencia/quitar");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null((await SchemaAsync(stage)).Find("evidencia"));

        var dossier = await admin.GetPageAsync($"/proyectos/{tandil}/dossier");
        var retired = dossier.QuerySelector("section.dossier-stage .retired-fields")!;
        Assert.Contains("Campos retirados", retired.TextContent, StringComparison.Ordinal);
        Assert.Contains("evidencia", retired.QuerySelector("dt")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(evidence[..30], retired.QuerySelector("dd")!.TextContent, StringComparison.Ordinal);

        var editor = await admin.GetPageAsync(stagePage);
        Assert.Contains("evidencia", editor.QuerySelector("ul.retired-keys")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.FieldRetired && a.Details!.Contains("evidencia"))));
    }

    [Fact]
    public async Task ChangingTheTypeOfAFieldWithStoredContent_IsRefusedWithAMessage()
    {
        var (edition, stage) = await StageAsync("desafio");
        using var admin = await AdminAsync();
        var url = $"/admin/ediciones/{edition}/etapas/{stage}/campos/problema";
        var response = await admin.SubmitFormAsync(url, "form.field-form", new Dictionary<string, string> { ["Form.Type"] = "Number", ["confirmado"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("No se puede cambiar el tipo", page.QuerySelector("#Form_Type-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(FieldType.LongText, (await SchemaAsync(stage)).Find("problema")!.Type);
    }

    [Fact]
    public async Task AddingAFieldWithADuplicateKeyOrBadLimits_ShowsErrors_AndAValidOneIsAddedAfterConfirmation()
    {
        var (edition, stage) = await StageAsync("actores");
        using var admin = await AdminAsync();
        var url = $"/admin/ediciones/{edition}/etapas/{stage}/campos/nuevo";
        var existingKey = (await SchemaAsync(stage)).Fields[0].Key;

        var response = await admin.SubmitFormAsync(url, "form.field-form", new Dictionary<string, string>
        {
            ["Form.Key"] = existingKey,
            ["Form.Label"] = "Repetido",
            ["Form.Type"] = "ShortText",
            ["Form.MinLength"] = "50",
            ["Form.MaxLength"] = "10",
        });
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Ya hay un campo con la clave", page.QuerySelector("#Form_Key-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("no puede superar la máxima", page.QuerySelector("#Form_MinLength-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Repetido", page.QuerySelector("#Form_Label")!.GetAttribute("value"));

        response = await admin.SubmitFormAsync(url, "form.field-form", new Dictionary<string, string>
        {
            ["Form.Key"] = "canales",
            ["Form.Label"] = "Canales de contacto",
            ["Form.Type"] = "MultipleChoice",
            ["Form.Options"] = "Teléfono\nCorreo\nPresencial",
        });
        var confirm = await PortalClient.ParseAsync(response);
        Assert.NotNull(confirm.QuerySelector("form.confirm-form"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(confirm, "form.confirm-form", new Dictionary<string, string>(), url)).StatusCode);

        var added = (await SchemaAsync(stage)).Fields[^1];
        Assert.Equal("canales", added.Key);
        Assert.Equal(["Teléfono", "Correo", "Presencial"], added.Options);
    }

    [Fact]
    public async Task AddingAStage_GivesEveryProjectOfTheEditionALockedStage()
    {
        var (edition, _) = await StageAsync("desafio");
        using var admin = await AdminAsync();
        var response = await admin.SubmitFormAsync($"/admin/ediciones/{edition}/etapas", "form.new-stage-form", new Dictionary<string, string>
        {
            ["NewStage.Name"] = "Escalamiento",
            ["NewStage.Key"] = "escalamiento",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var states = await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.StageDefinition.Key == "escalamiento").Select(s => s.State).ToListAsync());
        Assert.Equal(5, states.Count);
        Assert.All(states, s => Assert.Equal(Core.Domain.StageState.Locked, s));
    }

    [Theory]
    [InlineData(ProgramaInnovacion.Core.Domain.StageState.Approved, false, "Con entregas")]
    [InlineData(ProgramaInnovacion.Core.Domain.StageState.InProgress, true, "Con entregas")]
    [InlineData(ProgramaInnovacion.Core.Domain.StageState.InProgress, false, "Sin entregas")]
    public async Task StageListAndStagePage_AgreeOnWhetherTheStageHasSubmissions(ProgramaInnovacion.Core.Domain.StageState state, bool submittedBefore, string expected)
    {
        var (edition, stage) = await StageAsync("validacion");
        await factory.WithDbAsync(async db =>
        {
            var projectStages = await db.ProjectStages.Where(p => p.StageDefinitionId == stage).OrderBy(p => p.Id).ToListAsync();
            foreach (var projectStage in projectStages)
            {
                db.ForceState(projectStage, ProgramaInnovacion.Core.Domain.StageState.Locked);
                db.ForceSubmittedAt(projectStage, null);
            }

            db.ForceState(projectStages[0], state);
            db.ForceSubmittedAt(projectStages[0], submittedBefore ? factory.Time.GetUtcNow().UtcDateTime.AddDays(-3) : null);
            await db.SaveChangesAsync();
        });
        using var admin = await AdminAsync();

        var list = await admin.GetPageAsync($"/admin/ediciones/{edition}/etapas");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("code")?.TextContent == "validacion");
        Assert.Contains(expected, row.TextContent, StringComparison.Ordinal);
        var page = await admin.GetPageAsync($"/admin/ediciones/{edition}/etapas/{stage}");
        Assert.Equal(expected == "Con entregas", page.QuerySelector("div.alert-warning[role=note]") is not null);
    }
}
