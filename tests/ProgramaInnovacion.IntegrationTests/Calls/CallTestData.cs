using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Calls;

/// <summary>An edition that runs its call (convocatoria abierta), on the default template, for the call and selection tests.</summary>
internal static class CallTestData
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
}
