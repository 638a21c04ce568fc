using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>Own database: adds a newer edition and a page's worth of posts to the first one.</summary>
public class NetworkEditionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Lead(AngleSharp.Dom.IDocument page) => page.QuerySelector("h1 + p.lead")!.TextContent;

    [Fact]
    public async Task ACoordinatorBrowsingAnOlderEdition_StaysOnItWhenFilteringAndPaging()
    {
        var firstEditionId = await factory.WithDbAsync(async db =>
        {
            db.Editions.Add(new ProgramEdition
            {
                Name = "Edición 2027",
                Theme = "Datos abiertos",
                StartsAtUtc = new DateTime(2027, 8, 1, 14, 0, 0, DateTimeKind.Utc),
                CreatedAtUtc = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                Stages = [new StageDefinition { Order = 1, Key = "desafio", Name = "Desafío" }],
            });
            var first = await db.Editions.Where(e => e.Name == ReferenceData.FirstEditionName).Select(e => e.Id).SingleAsync();
            var author = await db.Users.Where(u => u.Email == "tandil@programa.example").Select(u => u.Id).SingleAsync();
            for (var i = 0; i < 25; i++)
            {
                db.NetworkPosts.Add(new NetworkPost { EditionId = first, AuthorId = author, Kind = PostKind.Learning, Title = $"Aprendizaje {i}", BodyMarkdown = "Texto.", CreatedAtUtc = ReferenceData.FirstEditionStartUtc.AddDays(i) });
            }

            await db.SaveChangesAsync();

            // Coordinators see the editions assigned to them: this one coordinates both.
            var coordinator = await db.Users.Where(u => u.Email == "coordinacion@programa.example").Select(u => u.Id).SingleAsync();
            var added = await db.Editions.Where(e => e.Name == "Edición 2027").Select(e => e.Id).SingleAsync();
            db.CoordinatorEditions.Add(new CoordinatorEdition { UserId = coordinator, EditionId = added });
            await db.SaveChangesAsync();
            return first;
        });

        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");
        Assert.Contains("Edición 2027", Lead(await client.GetPageAsync("/red")), StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/red?edicion={firstEditionId}");
        Assert.Contains(ReferenceData.FirstEditionName, Lead(page), StringComparison.Ordinal);
        var next = page.QuerySelectorAll(".pagination a").Single(a => a.TextContent == "Siguiente").GetAttribute("href")!;
        Assert.Contains($"edicion={firstEditionId}", next, StringComparison.Ordinal);
        Assert.Contains(ReferenceData.FirstEditionName, Lead(await client.GetPageAsync(next)), StringComparison.Ordinal);

        var fields = PortalClient.FormFields(page, "form[aria-label='Filtrar publicaciones']", new Dictionary<string, string> { ["tipo"] = "aprendizaje" });
        Assert.Contains(new KeyValuePair<string, string>("edicion", firstEditionId.ToString(System.Globalization.CultureInfo.InvariantCulture)), fields);
        var query = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var filtered = await client.GetPageAsync($"/red?{query}");
        Assert.Contains(ReferenceData.FirstEditionName, Lead(filtered), StringComparison.Ordinal);
        Assert.Equal("aprendizaje", ((AngleSharp.Html.Dom.IHtmlSelectElement)filtered.QuerySelector("#tipo")!).Value);
    }
}
