using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Calls;

public class CallTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Application_DraftThenSubmit_UntilArgentinaMidnightClose_ThenNoEdits()
    {
        var editionId = await CallTestData.EditionInCallAsync(factory, "Convocatoria 2022: cierre a medianoche");
        using var admin = factory.CreatePortalClient();
        await admin.SignInAsync("admin@programa.example");
        // Typed in Argentina time: closes at midnight between 19 and 20 November, 03:00 UTC.
        var scheduled = await admin.SubmitFormAsync($"/admin/ediciones/{editionId}/convocatoria", "form[action$='/convocatoria']", new Dictionary<string, string>
        {
            ["Form.OpensAt"] = "2026-11-10T09:00",
            ["Form.ClosesAt"] = "2026-11-20T00:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var call = await factory.WithDbAsync(db => db.ApplicationCalls.SingleAsync(c => c.EditionId == editionId));
        Assert.Equal(new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc), call.ClosesAtUtc);
        Assert.Equal(3, await factory.WithDbAsync(db => db.SelectionCriteria.CountAsync(c => c.EditionId == editionId)));

        using var applicant = factory.CreatePortalClient();
        var tandil = await factory.WithDbAsync(db => db.Municipalities.SingleAsync(m => m.Slug == "tandil"));
        var started = await applicant.SubmitFormAsync($"/convocatorias/{editionId}", "form.application-start", new Dictionary<string, string>
        {
            ["Form.MunicipalityId"] = tandil.Id.ToString(),
            ["Form.ContactName"] = "Laura Pérez",
            ["Form.ContactEmail"] = "laura@tandil.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var path = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/postulaciones/", path);
        // The private link went to the contact through the outbox.
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == "laura@tandil.example")));

        // Another municipality starts too (its draft is tried after the close, below).
        var bariloche = await factory.WithDbAsync(db => db.Municipalities.SingleAsync(m => m.Slug == "bariloche"));
        var second = await applicant.SubmitFormAsync($"/convocatorias/{editionId}", "form.application-start", new Dictionary<string, string>
        {
            ["Form.MunicipalityId"] = bariloche.Id.ToString(),
            ["Form.ContactName"] = "Pablo Díaz",
            ["Form.ContactEmail"] = "pablo@bariloche.example",
        });
        var secondPath = second.Headers.Location!.OriginalString;
        var secondPage = await applicant.GetPageAsync(secondPath);
        // Submitting without the letter keeps what was typed as a draft and says what is missing.
        var page = await applicant.GetPageAsync(path);
        var values = new Dictionary<string, string>
        {
            ["Form.Challenge"] = "Turnos del hospital municipal en línea",
            ["Form.Motivation"] = "Queremos dejar de hacer filas a las seis de la mañana.",
            ["Form.Members[0].Name"] = "Laura Pérez",
            ["Form.Members[0].Email"] = "laura@tandil.example",
            ["Form.Command"] = "enviar",
        };
        var missing = await CallTestData.PostApplicationAsync(applicant, page, path, values);
        var missingPage = await PortalClient.ParseAsync(missing);
        Assert.Contains("Adjuntá la carta de compromiso", missingPage.QuerySelector("#letter-error")!.TextContent);
        var draft = await factory.WithDbAsync(db => db.CallApplications.Include(a => a.Members).SingleAsync(a => a.MunicipalityId == tandil.Id && a.Call.EditionId == editionId));
        Assert.Equal("Turnos del hospital municipal en línea", draft.Challenge);
        Assert.Null(draft.SubmittedAtUtc);
        Assert.Single(draft.Members);

        // One minute before midnight in Argentina it is still open: the submission goes through, with an acknowledgment.
        factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 2, 59, 0, TimeSpan.Zero));
        page = await applicant.GetPageAsync(path);
        var submitted = await CallTestData.PostApplicationAsync(applicant, page, path, values, CallTestData.LetterPdf);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var sent = await factory.WithDbAsync(db => db.CallApplications.SingleAsync(a => a.Id == draft.Id));
        Assert.NotNull(sent.SubmittedAtUtc);
        Assert.Equal("carta.pdf", sent.LetterFileName);
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == "laura@tandil.example" && e.Subject.StartsWith("Recibimos la postulación"))));

        // At midnight in Argentina the call is closed: the other draft changes no more.
        factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        var late = await CallTestData.PostApplicationAsync(applicant, secondPage, secondPath, new Dictionary<string, string> { ["Form.Challenge"] = "Escrito después del cierre", ["Form.Command"] = "guardar" });
        var latePage = await PortalClient.ParseAsync(late);
        Assert.Contains("La convocatoria cerró el 20 de noviembre de 2026, 00:00", latePage.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("", await factory.WithDbAsync(db => db.CallApplications.Where(a => a.MunicipalityId == bariloche.Id && a.Call.EditionId == editionId).Select(a => a.Challenge).SingleAsync()));
        // And the page itself shows the form read-only.
        var closedPage = await applicant.GetPageAsync(secondPath);
        Assert.True(closedPage.QuerySelector("form.application-form fieldset")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Call_OutsideTheConvocatoriaPhase_TakesNoApplications()
    {
        var editionId = await CallTestData.EditionInCallAsync(factory, "Convocatoria 2022: todavía en preparación", EditionPhase.Preparation);
        await factory.WithDbAsync(async db =>
        {
            db.ApplicationCalls.Add(new ApplicationCall { EditionId = editionId, OpensAtUtc = factory.Time.GetUtcNow().UtcDateTime.AddDays(-1), ClosesAtUtc = factory.Time.GetUtcNow().UtcDateTime.AddDays(10) });
            await db.SaveChangesAsync();
        });
        using var applicant = factory.CreatePortalClient();
        var page = await applicant.GetPageAsync($"/convocatorias/{editionId}");
        Assert.Contains("la edición está en la fase «En preparación»", page.QuerySelector(".alert-info")!.TextContent);
        Assert.Null(page.QuerySelector("form.application-start"));
    }
}
