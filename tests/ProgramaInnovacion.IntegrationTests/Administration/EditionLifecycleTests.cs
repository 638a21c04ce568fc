using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Administration;

public class EditionLifecycleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_TheClosedEditionIsCerrada_AndTheCurrentOneEnCurso_ShownOnTheEdition()
    {
        var phases = await factory.WithDbAsync(db => db.Editions.ToDictionaryAsync(e => e.Name, e => e.Phase));
        Assert.Equal(EditionPhase.Closed, phases[ReferenceData.FirstEditionName]);
        Assert.Equal(EditionPhase.Running, phases[DemoSeeder.CurrentEditionName]);

        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var closedId = await factory.WithDbAsync(db => db.Editions.Where(e => e.Name == ReferenceData.FirstEditionName).Select(e => e.Id).SingleAsync());
        var page = await admin.GetPageAsync($"/admin/ediciones/{closedId}");
        Assert.Equal("Cerrada (fase actual)", page.QuerySelector(".edition-phases [aria-current=step]")!.TextContent.Trim());
        // Nothing leaves "cerrada": no button to move it.
        Assert.Null(page.QuerySelector("form[action$='/fase']"));

        // Its story before the program: the survey, the call and the five selected with their justification.
        var selection = await admin.GetPageAsync($"/admin/ediciones/{closedId}/seleccion");
        Assert.Contains("seleccionadas: 5", selection.QuerySelector("#postulaciones")!.TextContent);
        Assert.NotNull(selection.QuerySelector(".alert-success"));
        Assert.Equal(10, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Campaign.EditionId == closedId && r.Campaign.Name == PreProgramDemoSeeder.CampaignName)));
        Assert.Equal(5, await factory.WithDbAsync(db => db.CallApplications.CountAsync(a => a.Call.EditionId == closedId && a.Decision == SelectionDecision.Selected && a.Justification != null)));
    }

    [Fact]
    public async Task ClosedEdition_RefusesAComment_ButTheCurrentEditionTakesIt()
    {
        using var team = factory.CreatePortalClient();
        await team.SignInAsync(DemoSeeder.TeamEmail("tandil"));
        var projects = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == "tandil")
            .Select(p => new { p.Id, p.Edition.Name, Key = p.Stages.OrderBy(s => s.StageDefinition.Order).Select(s => s.StageDefinition.Key).First() }).ToListAsync());
        foreach (var project in projects)
        {
            var path = $"/proyectos/{project.Id}/etapas/{project.Key}";
            var page = await team.GetPageAsync(path);
            var before = await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Deliverable.ProjectStage.ProjectId == project.Id));
            var fields = PortalClient.FormFields(page, "form[action$='/comentarios']", new Dictionary<string, string> { ["texto"] = "¿Podemos sumar una captura?" });
            var response = await team.Http.PostAsync(path + "/comentarios", new FormUrlEncodedContent(fields));
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            var after = await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Deliverable.ProjectStage.ProjectId == project.Id));
            Assert.Equal(project.Name == ReferenceData.FirstEditionName ? before : before + 1, after);
        }
    }

    [Fact]
    public async Task Phase_MovesOneStepAtATime_Audited()
    {
        var edition = await factory.WithDbAsync(async db =>
        {
            var e = new ProgramEdition { Name = "Edición 2023: ciclo", Theme = "Ciclo", StartsAtUtc = DateTime.UtcNow, CreatedAtUtc = DateTime.UtcNow };
            db.Editions.Add(e);
            await db.SaveChangesAsync();
            return e;
        });
        Assert.Equal(EditionPhase.Preparation, edition.Phase);
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        var page = await admin.GetPageAsync($"/admin/ediciones/{edition.Id}");
        var fields = PortalClient.FormFields(page, "form[action$='/fase']");
        var response = await admin.Http.PostAsync($"/admin/ediciones/{edition.Id}/fase", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EditionPhase.Survey, await factory.WithDbAsync(db => db.Editions.Where(e => e.Id == edition.Id).Select(e => e.Phase).SingleAsync()));

        // A jump (relevamiento → en curso) is refused on the server, whatever the form says.
        fields.RemoveAll(f => f.Key == "fase");
        fields.Add(new("fase", "Running"));
        await admin.Http.PostAsync($"/admin/ediciones/{edition.Id}/fase", new FormUrlEncodedContent(fields));
        Assert.Equal(EditionPhase.Survey, await factory.WithDbAsync(db => db.Editions.Where(e => e.Id == edition.Id).Select(e => e.Phase).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "edition.phase-changed" && a.EntityId == edition.Id.ToString())));
    }
}
