using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Calls;

public class SelectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ArrangeAsync(string name) => CallTestData.EditionWithApplicationsAsync(factory, name);

    private Task<int> ApplicationIdAsync(int editionId, string slug) =>
        factory.WithDbAsync(db => db.CallApplications.Where(a => a.Call.EditionId == editionId && a.Municipality.Slug == slug).Select(a => a.Id).SingleAsync());

    private async Task<HttpResponseMessage> DecideAsync(PortalClient admin, int editionId, string slug, string decision, string justification)
    {
        var applicationId = await ApplicationIdAsync(editionId, slug);
        var url = $"/admin/ediciones/{editionId}/seleccion/postulaciones/{applicationId}";
        var page = await admin.GetPageAsync(url);
        var fields = PortalClient.FormFields(page, "form[action$='/decision']", new Dictionary<string, string> { ["justificacion"] = justification });
        fields.Add(new("decision", decision));
        return await admin.Http.PostAsync(url + "/decision", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Matrix_ShowsTheCellsAKnownSelectionCovers_AndSelectingNeedsAJustification()
    {
        var editionId = await ArrangeAsync("Selección 2022: matriz");
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        await DecideAsync(admin, editionId, "tandil", "Selected", "corta");
        Assert.Equal(SelectionDecision.Pending, await factory.WithDbAsync(db => db.CallApplications.Where(a => a.Call.EditionId == editionId && a.Municipality.Slug == "tandil").Select(a => a.Decision).SingleAsync()));

        await DecideAsync(admin, editionId, "tandil", "Selected", "Ciudad intermedia con un desafío claro y el intendente comprometido por escrito.");
        await DecideAsync(admin, editionId, "jesusmaria", "Selected", "Ciudad pequeña en nivel inicial: la edición necesita ese punto de partida.");
        await DecideAsync(admin, editionId, "bariloche", "NotSelected", "");

        var page = await admin.GetPageAsync($"/admin/ediciones/{editionId}/seleccion");
        var cells = page.QuerySelectorAll("table.selection-matrix tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(),
            tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
        Assert.Equal(["Vacía", "Vacía", "Cubierta: Tandil", "Vacía"], cells["Ciudad intermedia"]);
        Assert.Equal(["Cubierta: Jesús María", "Vacía", "Vacía", "Vacía"], cells["Ciudad pequeña"]);
        Assert.Equal(["Vacía", "Vacía", "Vacía", "Vacía"], cells["Ciudad grande"]);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "selection.application-decided"));
        Assert.True(audit >= 3);
    }

    [Fact]
    public async Task RefusedJustificationAndCriteria_ComeBackAsTyped_WithTheErrorBesideTheField()
    {
        var editionId = await ArrangeAsync("Selección 2022: nada se pierde");
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");

        var refused = await DecideAsync(admin, editionId, "tandil", "Selected", "Buen desafío.");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal("Buen desafío.", page.QuerySelector("textarea#justificacion")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("textarea#justificacion")!.GetAttribute("aria-invalid"));
        Assert.Contains("escribí la justificación (al menos 20 caracteres)", page.QuerySelector("#justificacion-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SelectionDecision.Pending, await factory.WithDbAsync(db => db.CallApplications.Where(a => a.Call.EditionId == editionId && a.Municipality.Slug == "tandil").Select(a => a.Decision).SingleAsync()));

        var url = $"/admin/ediciones/{editionId}/seleccion";
        var saved = await factory.WithDbAsync(db => db.SelectionCriteria.Where(c => c.EditionId == editionId).Select(c => c.Name).ToListAsync());
        var typed = "Impacto: cuánto cambia la vida de los vecinos\nUn nombre de criterio sin descripción tan largo que nadie lo leería en la tabla " + new string('x', 200);
        var criteria = await admin.SubmitFormAsync(url, "form[action$='/criterios']", new Dictionary<string, string> { ["criterios"] = typed });
        Assert.Equal(HttpStatusCode.OK, criteria.StatusCode);
        var index = await PortalClient.ParseAsync(criteria);
        Assert.Equal(typed, index.QuerySelector("textarea#criterios")!.TextContent.Trim().ReplaceLineEndings("\n"));
        Assert.Contains("Cada criterio necesita un nombre de hasta 200 caracteres", index.QuerySelector("#criterios-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(saved, await factory.WithDbAsync(db => db.SelectionCriteria.Where(c => c.EditionId == editionId).Select(c => c.Name).ToListAsync()));
    }

    [Fact]
    public async Task ConfirmingTwice_CreatesProjectsAndInvitationsOnce_AndThanksTheOthersOnce()
    {
        var editionId = await ArrangeAsync("Selección 2022: confirmar dos veces");
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        await DecideAsync(admin, editionId, "tandil", "Selected", "Ciudad intermedia con un desafío claro y el intendente comprometido por escrito.");
        await DecideAsync(admin, editionId, "bahiablanca", "Selected", "Ciudad grande y avanzada: aporta experiencia al grupo.");
        await DecideAsync(admin, editionId, "bariloche", "NotSelected", "");

        var page = await admin.GetPageAsync($"/admin/ediciones/{editionId}/seleccion");
        var fields = PortalClient.FormFields(page, "form[action$='/confirmar']", new Dictionary<string, string> { ["confirmado"] = "true" });
        var first = await admin.Http.PostAsync($"/admin/ediciones/{editionId}/seleccion/confirmar", new FormUrlEncodedContent(fields));
        var second = await admin.Http.PostAsync($"/admin/ediciones/{editionId}/seleccion/confirmar", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var projects = await factory.WithDbAsync(db => db.Projects.Where(p => p.EditionId == editionId).Select(p => new { p.Municipality.Slug, Stages = p.Stages.Count, Members = p.Members.Select(m => m.User.Email).ToList() }).ToListAsync());
        Assert.Equal(["bahiablanca", "tandil"], projects.Select(p => p.Slug).Order());
        Assert.All(projects, p => Assert.Equal(10, p.Stages));
        // The existing account joined the team directly; the new address was invited.
        Assert.Contains("tandil@programa.example", projects.Single(p => p.Slug == "tandil").Members);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.User.Email == $"laura.{editionId}@tandil.example")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Invitations.CountAsync(i => i.User.Email == $"juan.{editionId}@bahiablanca.example")));
        // Bariloche (not selected) and Jesús María (never decided) are thanked, once.
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == $"pablo.{editionId}@bariloche.example" && e.Subject.StartsWith("Resultado de la convocatoria"))));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == $"sofia.{editionId}@jesusmaria.example")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "selection.confirmed" && e.EntityId == editionId.ToString())));
        Assert.Equal(1, await factory.WithDbAsync(db => db.SelectionConfirmations.CountAsync(c => c.EditionId == editionId)));
    }
}
