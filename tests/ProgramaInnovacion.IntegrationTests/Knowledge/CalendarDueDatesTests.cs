using System.Net;
using Ical.Net;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>
/// Stage due dates in the calendar (month view and .ics feed), the "Mes" tab and the feed link's
/// webcal:// form. The 2021 edition's stage 1, «Desafío», is due on 10 August 2021 at 18:00 in Argentina;
/// the demo teams also have a project in the edition in course, whose stage 1 was due 47 days before the demo day.
/// </summary>
public class CalendarDueDatesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateTime ChallengeDueUtc = new(2021, 8, 10, 21, 0, 0, DateTimeKind.Utc);

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task MonthView_ShowsATeamItsStageDueDates_LinkedToItsStage()
    {
        using var team = await SignedInAsync("gualeguaychu@programa.example");
        var project = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Projects.Where(p => p.Municipality.Slug == "gualeguaychu" && p.Edition.Name == Core.Data.Seeding.ReferenceData.FirstEditionName).Select(p => p.Id)));

        var month = await team.GetPageAsync("/calendario?mes=2021-08");

        var cell = month.QuerySelectorAll("table.calendar-month td").Single(td => td.TextContent.Contains("Vence «Desafío»", StringComparison.Ordinal));
        Assert.StartsWith("10", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(month.QuerySelectorAll(".calendar-due a"), a => a.TextContent.Trim() == "Vence «Mapeo de actores»");
        var due = cell.QuerySelector(".calendar-due")!;
        Assert.Contains("18:00", due.TextContent, StringComparison.Ordinal);
        Assert.Equal("Vence «Desafío»", due.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"/proyectos/{project}/etapas/desafio", due.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task MonthView_ShowsCoordinatorsTheEditionsDueDates_AndExpertsNone()
    {
        using var coordinator = await SignedInAsync("coordinacion@programa.example");
        var month = await coordinator.GetPageAsync("/calendario?mes=2021-08");
        var due = month.QuerySelectorAll(".calendar-due").Select(d => d.TextContent).ToList();
        Assert.Contains(due, d => d.Contains("Vence «Desafío»", StringComparison.Ordinal) && d.Contains("2021", StringComparison.Ordinal));
        Assert.Contains(due, d => d.Contains("Vence «Mapeo de actores»", StringComparison.Ordinal));

        using var expert = await SignedInAsync("experta1@programa.example");
        Assert.Empty((await expert.GetPageAsync("/calendario?mes=2021-08")).QuerySelectorAll(".calendar-due"));
    }

    [Fact]
    public async Task IcsFeed_HoldsTheTeamsStageDueDates_ButNotThePanelWhichHasNothingToHandIn()
    {
        using var team = await SignedInAsync("bariloche@programa.example");
        var generated = await team.SubmitFormAsync("/calendario/suscripcion", "form[action='/calendario/suscripcion/generar']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var page = await team.GetPageAsync("/calendario/suscripcion");
        var url = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#feed-url")!).Value;

        using var app = factory.CreatePortalClient();
        var calendar = Calendar.Load(await (await app.Http.GetAsync(new Uri(url).PathAndQuery)).Content.ReadAsStringAsync())!;

        // The team's two editions: 2021 and the one in course.
        var challenges = calendar.Events.Where(e => e.Summary == "Vence «Desafío»").OrderBy(e => e.Start!.AsUtc).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.Equal(ChallengeDueUtc, challenges[0].Start!.AsUtc);
        Assert.Equal("America/Argentina/Buenos_Aires", challenges[0].Start!.TzId);
        var demoDay = Core.Domain.ArgentinaTime.LocalDate(PortalFactory.DefaultNow.UtcDateTime);
        Assert.Equal(Core.Domain.ArgentinaTime.ToUtc(demoDay.AddDays(-47), new TimeOnly(18, 0)), challenges[1].Start!.AsUtc);
        Assert.Equal(18, calendar.Events.Count(e => e.Summary!.StartsWith("Vence «", StringComparison.Ordinal)));
        Assert.DoesNotContain(calendar.Events, e => e.Summary == "Vence «Mesa de expertos»");
    }

    [Theory]
    [InlineData("/calendario")]
    [InlineData("/calendario?mes=2021-07")]
    [InlineData("/calendario/suscripcion")]
    public async Task TheMonthTab_OpensTheCurrentMonth_FromEveryCalendarPage(string path)
    {
        using var team = await SignedInAsync("tandil@programa.example");

        var page = await team.GetPageAsync(path);

        var month = page.QuerySelectorAll("nav[aria-label='Vistas del calendario'] a").Single(a => a.TextContent.Trim() == "Mes");
        Assert.Equal("/calendario?mes=2026-11", month.GetAttribute("href")); // PortalFactory.DefaultNow: 16 November 2026
    }

    [Fact]
    public async Task MonthView_WritesTheMonthInLowerCase_InsideASentence()
    {
        using var team = await SignedInAsync("tandil@programa.example");

        var page = await team.GetPageAsync("/calendario?mes=2021-09");

        Assert.Equal("Septiembre de 2021", page.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("Sesiones y vencimientos de septiembre de 2021, en hora argentina", page.QuerySelector("table.calendar-month caption")!.TextContent.Trim());
    }

    [Fact]
    public async Task NewFeedLink_IsOfferedAsWebcal_WithACopyButtonForScripts()
    {
        using var team = await SignedInAsync("jesusmaria@programa.example");
        await team.SubmitFormAsync("/calendario/suscripcion", "form[action='/calendario/suscripcion/generar']", new Dictionary<string, string>());

        var page = await team.GetPageAsync("/calendario/suscripcion");

        var url = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#feed-url")!).Value;
        var webcal = page.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.StartsWith("webcal://", StringComparison.Ordinal));
        Assert.Equal("webcal://" + url.Split("://")[1], webcal.GetAttribute("href"));
        var copy = page.QuerySelector("button[data-copy-target='feed-url']")!;
        Assert.Equal("Copiar el enlace", copy.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("script[src^='/js/calendar-feed.js']"));
    }
}
