using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

public class CalendarTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<string> NewFeedUrlAsync(PortalClient client)
    {
        var response = await client.SubmitFormAsync("/calendario/suscripcion", "form[action='/calendario/suscripcion/generar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/calendario/suscripcion");
        var url = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#feed-url")!).Value;
        Assert.Matches("/calendario/ics/[0-9a-f]{64}\\.ics$", url);
        return new Uri(url).PathAndQuery;
    }

    [Fact]
    public async Task TheIcsFeed_ParsesWithIcalNet_AndHoldsTheKickOffAt14Utc()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");
        var feedPath = await NewFeedUrlAsync(client);

        using var app = factory.CreatePortalClient(); // a calendar app: no cookies
        var response = await app.Http.GetAsync(feedPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var kickOff = Assert.Single(calendar.Events, e => e.Summary == KnowledgeSeeder.KickOffTitle);
        Assert.Equal(new DateTime(2021, 7, 27, 14, 0, 0, DateTimeKind.Utc), kickOff.Start!.AsUtc);
        Assert.Equal("America/Argentina/Buenos_Aires", kickOff.Start.TzId);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Argentina/Buenos_Aires");
        Assert.Contains(calendar.Events, e => e.Summary!.Contains("OS City", StringComparison.Ordinal));
        Assert.Null(await factory.WithDbAsync(db => db.CalendarFeedTokens.Where(t => feedPath.Contains(t.TokenHash)).Select(t => (int?)t.Id).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task ARevokedOrReplacedToken_Returns404()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("bariloche@programa.example");
        using var app = factory.CreatePortalClient();

        var first = await NewFeedUrlAsync(client);
        var second = await NewFeedUrlAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(second)).StatusCode);

        var revoke = await client.SubmitFormAsync("/calendario/suscripcion", "form[action='/calendario/suscripcion/revocar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"/calendario/ics/{new string('a', 64)}.ics")).StatusCode);
    }

    [Fact]
    public async Task ListAndMonthViews_ShowTheKickOffInArgentinaTime()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("gualeguaychu@programa.example");

        var list = await client.GetPageAsync("/calendario");
        Assert.Contains("27 de julio de 2021, 11:00", list.Body!.TextContent, StringComparison.Ordinal);
        var month = await client.GetPageAsync("/calendario?mes=2021-07");
        var cell = month.QuerySelectorAll("table.calendar-month td").Single(td => td.TextContent.Contains(KnowledgeSeeder.KickOffTitle, StringComparison.Ordinal));
        Assert.StartsWith("27", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("11:00", cell.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/calendario?mes=julio")).StatusCode);
    }

    [Fact]
    public async Task TheMonthTab_OfAPageWithoutAMonth_OpensTheCurrentMonthInArgentina()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");

        var page = await client.GetPageAsync("/calendario/suscripcion");
        var month = page.QuerySelectorAll("nav[aria-label='Vistas del calendario'] a").Single(a => a.TextContent.Trim() == "Mes");
        Assert.Equal("/calendario?mes=2026-11", month.GetAttribute("href")); // PortalFactory.DefaultNow: 16 November 2026
    }

    [Fact]
    public async Task CoordinatorsCreateSessions_TeamsCannot()
    {
        using var coordination = factory.CreatePortalClient();
        await coordination.SignInAsync("coordinacion@programa.example");
        var response = await coordination.SubmitFormAsync("/calendario/nueva", "form.session-form", new Dictionary<string, string>
        {
            ["Title"] = "Clínica de indicadores",
            ["Kind"] = "Other",
            ["Date"] = "2021-11-30",
            ["StartTime"] = "15:00",
            ["EndTime"] = "16:30",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.CalendarSessions.SingleAsync(s => s.Title == "Clínica de indicadores"));
        Assert.Equal(new DateTime(2021, 11, 30, 18, 0, 0, DateTimeKind.Utc), stored.StartsAtUtc);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SessionCreated && a.Details == "Clínica de indicadores"));
        Assert.Equal(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audited.EntityId);

        var invalid = await coordination.SubmitFormAsync("/calendario/nueva", "form.session-form", new Dictionary<string, string> { ["Title"] = "Mal horario", ["Date"] = "2021-11-30", ["StartTime"] = "15:00", ["EndTime"] = "14:00" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("La hora de fin tiene que ser posterior", (await PortalClient.ParseAsync(invalid)).Body!.TextContent, StringComparison.Ordinal);

        using var team = factory.CreatePortalClient();
        await team.SignInAsync("tandil@programa.example");
        var denied = await team.Http.GetAsync("/calendario/nueva");
        Assert.Contains("acceso-denegado", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedingTwice_AddsNothing()
    {
        var before = await factory.WithDbAsync(async db => (await db.CalendarSessions.CountAsync(), await db.NetworkPosts.CountAsync(), await db.CaseEntries.CountAsync(), await SearchIndexRows.CountAsync(db)));
        await using (var scope = factory.CreateScope())
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ProgramSeeder>(scope.ServiceProvider).SeedReferenceDataAsync();
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DemoSeeder>(scope.ServiceProvider).SeedAsync();
        }

        var after = await factory.WithDbAsync(async db => (await db.CalendarSessions.CountAsync(), await db.NetworkPosts.CountAsync(), await db.CaseEntries.CountAsync(), await SearchIndexRows.CountAsync(db)));
        Assert.Equal(before, after);
        Assert.True(before.Item1 >= 5, "the kick-off, three ideation sessions and the panel are seeded");
        // The library indexes each approved final project and each case of an approved case study: the five
        // teams of 2021 and Tandil in the edition in course, each with a final project and two cases.
        Assert.Equal(6 * (1 + 2), before.Item3);
        Assert.Equal(before.Item3, before.Item4); // the database's own index holds every case
    }
}
