using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Calls;

public class SelectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Four submitted applications with their survey levels: Tandil (intermedia, intermedio), Jesús María (pequeña, inicial), Bahía Blanca (grande, avanzado), Bariloche (intermedia, en desarrollo).</summary>
    private async Task<int> ArrangeAsync(string name)
    {
        var editionId = await CallTestData.EditionInCallAsync(factory, name, EditionPhase.Selection);
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Slug);
            var call = new ApplicationCall { EditionId = editionId, OpensAtUtc = now.AddDays(-30), ClosesAtUtc = now.AddDays(-10) };
            var campaign = new SurveyCampaign { EditionId = editionId, Name = "Relevamiento " + name, OpensAtUtc = now.AddDays(-60), ClosesAtUtc = now.AddDays(-40), CreatedAtUtc = now.AddDays(-61) };
            foreach (var (slug, level, members) in new[]
            {
                ("tandil", MaturityLevel.Intermediate, new[] { ("Laura Pérez", $"laura.{editionId}@tandil.example"), ("Equipo Tandil", "tandil@programa.example") }),
                ("jesusmaria", MaturityLevel.Initial, new[] { ("Sofía Gil", $"sofia.{editionId}@jesusmaria.example") }),
                ("bahiablanca", MaturityLevel.Advanced, new[] { ("Juan Ortiz", $"juan.{editionId}@bahiablanca.example") }),
                ("bariloche", MaturityLevel.Developing, new[] { ("Pablo Díaz", $"pablo.{editionId}@bariloche.example") }),
            })
            {
                call.Applications.Add(new CallApplication
                {
                    Municipality = municipalities[slug],
                    ContactName = members[0].Item1,
                    ContactEmail = members[0].Item2,
                    Challenge = "Trámites en línea para " + municipalities[slug].Name,
                    Motivation = "Queremos aprender con otras ciudades.",
                    CreatedAtUtc = now.AddDays(-20),
                    UpdatedAtUtc = now.AddDays(-15),
                    SubmittedAtUtc = now.AddDays(-15),
                    Members = members.Select((m, i) => new ApplicationMember { Order = i + 1, Name = m.Item1, Email = m.Item2 }).ToList(),
                });
                campaign.Responses.Add(new SurveyResponse { Municipality = municipalities[slug], UpdatedAtUtc = now.AddDays(-45), SubmittedAtUtc = now.AddDays(-45), Level = level, OverallScore = 2 });
            }

            db.ApplicationCalls.Add(call);
            db.SurveyCampaigns.Add(campaign);
            await db.SaveChangesAsync();
        });
        return editionId;
    }

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
