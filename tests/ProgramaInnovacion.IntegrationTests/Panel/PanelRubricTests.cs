using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>Every edition has a rubric to score; these tests change editions and rubrics, so they own their database.</summary>
public class PanelRubricTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task NewEdition_WithoutASource_StartsWithTheDefaultRubric()
    {
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var response = await admin.SubmitFormAsync("/admin/ediciones/nueva", "form.edition-form", new Dictionary<string, string>
        {
            ["Form.Name"] = "Programa 2023: rúbrica por defecto",
            ["Form.Theme"] = "Gobierno abierto",
            ["Form.StartDate"] = "2023-03-01",
            ["Form.CopyFromEditionId"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var criteria = await factory.WithDbAsync(db => db.RubricCriteria.Where(c => c.Edition.Name == "Programa 2023: rúbrica por defecto").OrderBy(c => c.Order).ToListAsync());
        Assert.Equal(RubricSeeder.DefaultCriteria.Select(c => (c.Name, c.Description, c.Weight, c.Levels[0], c.Levels[4])),
            criteria.Select(c => (c.Name, c.Description, c.Weight, c.Level1Label, c.Level5Label)));
        Assert.Equal(Enumerable.Range(1, RubricSeeder.DefaultCriteria.Count), criteria.Select(c => c.Order));
    }

    [Fact]
    public async Task Submitting_IsRefused_WhenTheEditionHasNoRubric()
    {
        var project = await factory.ProjectIdAsync("tandil");
        await factory.WithDbAsync(async db =>
        {
            var editionId = await db.Projects.Where(p => p.Id == project).Select(p => p.EditionId).SingleAsync();
            db.RubricCriteria.RemoveRange(await db.RubricCriteria.Where(c => c.EditionId == editionId).ToListAsync());
            await db.SaveChangesAsync();
        });
        await factory.OpenPanelAsync(project);
        var expert = await factory.NewExpertAsync("Sin Rubrica");
        var assignment = await factory.AssignAsync(project, expert.Id);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("sin.rubrica@experto.example");

        var response = await client.SubmitFormAsync($"/panel/proyectos/{project}/evaluacion", "#form-evaluacion", new Dictionary<string, string> { ["Command"] = "enviar" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no tiene rúbrica", (await PortalClient.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.PanelEvaluations.AnyAsync(e => e.AssignmentId == assignment && e.Status == EvaluationStatus.Submitted)));
    }
}
