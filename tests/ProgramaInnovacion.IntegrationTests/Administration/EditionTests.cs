using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Administration;

public class EditionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task NewEdition_FromAnEarlierOne_CopiesItsStagesWithShiftedDueDates_AndTakesProjects()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var source = await factory.WithDbAsync(db => db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName));

        var response = await admin.SubmitFormAsync("/admin/ediciones/nueva", "form.edition-form", new Dictionary<string, string>
        {
            ["Form.Name"] = "Programa 2022: ciudades intermedias",
            ["Form.Theme"] = "Trámites en línea",
            ["Form.StartDate"] = "2022-07-26",
            ["Form.EndDate"] = "2022-12-13",
            ["Form.CopyFromEditionId"] = source.Id.ToString(),
            ["Form.ShiftDueDates"] = "true",
            ["Form.AnonymizeExperts"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var created = await factory.WithDbAsync(db => db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == "Programa 2022: ciudades intermedias"));
        Assert.True(created.AnonymizeExperts);
        Assert.False(created.ShareApprovedDeliverables);
        Assert.Equal(new DateTime(2022, 7, 26, 3, 0, 0, DateTimeKind.Utc), created.StartsAtUtc);
        Assert.Equal(source.Stages.Count, created.Stages.Count);
        var shift = created.StartsAtUtc - source.StartsAtUtc;
        foreach (var stage in source.Stages)
        {
            var copy = created.Stages.Single(s => s.Key == stage.Key);
            Assert.Equal(stage.SchemaJson, copy.SchemaJson);
            Assert.Equal(stage.GuidingQuestions, copy.GuidingQuestions);
            Assert.Equal(stage.DueAtUtc + shift, copy.DueAtUtc);
        }

        // The rubric comes along too, so the new edition's experts have criteria to score.
        var rubric = (int editionId) => factory.WithDbAsync(db => db.RubricCriteria.Where(c => c.EditionId == editionId).OrderBy(c => c.Order)
            .Select(c => new { c.Order, c.Name, c.Description, c.Weight, c.Level1Label, c.Level2Label, c.Level3Label, c.Level4Label, c.Level5Label }).ToListAsync());
        var sourceRubric = await rubric(source.Id);
        Assert.NotEmpty(sourceRubric);
        Assert.Equal(sourceRubric, await rubric(created.Id));

        var municipality = await factory.WithDbAsync(db => db.Municipalities.SingleAsync(m => m.Slug == "tandil"));
        response = await admin.SubmitFormAsync($"/admin/ediciones/{created.Id}", "form.add-project-form", new Dictionary<string, string> { ["municipioId"] = municipality.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stages = await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.Project.EditionId == created.Id).OrderBy(s => s.StageDefinition.Order).Select(s => s.State).ToListAsync());
        Assert.Equal(10, stages.Count);
        Assert.Equal(StageState.Available, stages[0]);

        var dashboard = await admin.GetPageAsync($"/coordinacion?edicion={created.Id}");
        Assert.Single(dashboard.QuerySelectorAll("table.progress-matrix tbody tr"));

        var audit = await admin.GetPageAsync("/admin/auditoria");
        var actions = audit.QuerySelectorAll("table.audit-table tbody tr th").Select(th => th.TextContent).ToList();
        Assert.Equal("Agregar proyecto", actions[0]);
        Assert.Contains("Crear edición", actions);
    }

    [Fact]
    public async Task NewEdition_StartsAtMidnightAndEndsAt2359_OfItsDatesInArgentina_LikeStageDueDates()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var response = await admin.SubmitFormAsync("/admin/ediciones/nueva", "form.edition-form", new Dictionary<string, string>
        {
            ["Form.Name"] = "Programa 2023: fechas en hora argentina",
            ["Form.Theme"] = "Datos abiertos",
            ["Form.StartDate"] = "2023-03-01",
            ["Form.EndDate"] = "2023-11-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var created = await factory.WithDbAsync(db => db.Editions.SingleAsync(e => e.Name == "Programa 2023: fechas en hora argentina"));
        Assert.Equal(new DateTime(2023, 3, 1, 3, 0, 0, DateTimeKind.Utc), created.StartsAtUtc);
        Assert.Equal(new DateTime(2023, 12, 1, 2, 59, 0, DateTimeKind.Utc), created.EndsAtUtc);
        var form = await admin.GetPageAsync($"/admin/ediciones/{created.Id}");
        Assert.Equal("2023-11-30", form.QuerySelector("form.edition-form input[name='Form.EndDate']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EditionForm_WithAnEndBeforeTheStart_ShowsTheErrorAndChangesNothing()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var id = await factory.WithDbAsync(db => db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var response = await admin.SubmitFormAsync($"/admin/ediciones/{id}", "form.edition-form", new Dictionary<string, string> { ["Form.EndDate"] = "2020-01-01" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("no puede ser anterior", page.QuerySelector("#Form_EndDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(2020, await factory.WithDbAsync(db => db.Editions.Where(e => e.Id == id).Select(e => e.EndsAtUtc!.Value.Year).SingleAsync()));
    }

    [Fact]
    public async Task Municipality_IsCreated_AndADuplicateSlugIsRefused()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var response = await admin.SubmitFormAsync("/admin/municipios/nuevo", "form.municipality-form", new Dictionary<string, string>
        {
            ["Form.Name"] = "Reconquista",
            ["Form.Province"] = "Santa Fe",
            ["Form.Category"] = "Intermediate",
            ["Form.Population"] = "99000",
            ["Form.Slug"] = "reconquista",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.Slug == "reconquista" && m.Province == "Santa Fe")));

        response = await admin.SubmitFormAsync("/admin/municipios/nuevo", "form.municipality-form", new Dictionary<string, string>
        {
            ["Form.Name"] = "Otra",
            ["Form.Province"] = "Santa Fe",
            ["Form.Slug"] = "reconquista",
        });
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Ya hay un municipio con esa clave", page.QuerySelector("#Form_Slug-error")!.TextContent, StringComparison.Ordinal);
    }
}
