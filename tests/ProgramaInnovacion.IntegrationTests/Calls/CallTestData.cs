using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Calls;

/// <summary>An edition that runs its call (convocatoria abierta), on the default template, for the call and selection tests.</summary>
public static class CallTestData
{
    public static readonly byte[] LetterPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static async Task<int> EditionInCallAsync(PortalFactory factory, string name, EditionPhase phase = EditionPhase.CallOpen) =>
        await factory.WithDbAsync(async db =>
        {
            var edition = new ProgramEdition
            {
                Name = name,
                Theme = "Trámites en línea",
                StartsAtUtc = new DateTime(2022, 3, 1, 14, 0, 0, DateTimeKind.Utc),
                CreatedAtUtc = new DateTime(2021, 10, 1, 12, 0, 0, DateTimeKind.Utc),
                Phase = phase,
                Stages = DefaultStageTemplate.Stages.Select(t => t.ToDefinition()).ToList(),
            };
            db.Editions.Add(edition);
            await db.SaveChangesAsync();
            return edition.Id;
        });

    /// <summary>Posts the application form as a browser does (multipart, with the letter when given).</summary>
    public static Task<HttpResponseMessage> PostApplicationAsync(PortalClient client, IDocument page, string path, IDictionary<string, string> values, byte[]? letter = null, string letterName = "carta.pdf")
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in PortalClient.FormFields(page, "form.application-form", values))
        {
            content.Add(new StringContent(value), key);
        }

        if (letter is not null)
        {
            var file = new ByteArrayContent(letter);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "letter", letterName);
        }

        return client.Http.PostAsync(path, content);
    }

    /// <summary>An edition in selection with the default criteria and four submitted applications with their survey levels: Tandil (intermedia, intermedio), Jesús María (pequeña, inicial), Bahía Blanca (grande, avanzado), Bariloche (intermedia, en desarrollo).</summary>
    public static async Task<int> EditionWithApplicationsAsync(PortalFactory factory, string name)
    {
        var editionId = await EditionInCallAsync(factory, name, EditionPhase.Selection);
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

            db.SelectionCriteria.AddRange(SelectionCriterion.Defaults.Select((c, i) => new SelectionCriterion { EditionId = editionId, Order = i + 1, Name = c.Name, Description = c.Description }));
            db.ApplicationCalls.Add(call);
            db.SurveyCampaigns.Add(campaign);
            await db.SaveChangesAsync();
        });
        return editionId;
    }
}
