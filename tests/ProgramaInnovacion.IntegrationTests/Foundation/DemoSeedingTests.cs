using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>A portal seeded on another day (1 March 2030, 11:00 Argentina time) than PortalFactory's.</summary>
public sealed class LaterDayPortalFactory : PortalFactory
{
    public static readonly DateTimeOffset SeedingDay = new(2030, 3, 1, 14, 0, 0, TimeSpan.Zero);

    public LaterDayPortalFactory() => Time.SetUtcNow(SeedingDay);
}

/// <summary>
/// The demo makes sense on any day: the 2021 edition is closed with its whole history, and the
/// edition in course is placed around the day of seeding — the same days from it whatever that day is.
/// </summary>
public class DemoSeedingTests(PortalFactory factory, LaterDayPortalFactory later) : IClassFixture<PortalFactory>, IClassFixture<LaterDayPortalFactory>
{
    // Stage key, days from the seeding day to its due date (18:00 in Argentina), on either seeding day.
    [Theory]
    [InlineData("validacion", -5, false)]
    [InlineData("ideacion", 2, false)]
    [InlineData("prototipo", 16, false)]
    [InlineData("validacion", -5, true)]
    [InlineData("ideacion", 2, true)]
    [InlineData("prototipo", 16, true)]
    public async Task TheEditionInCourse_IsPlacedAroundTheDayOfSeeding(string key, int days, bool onTheLaterDay)
    {
        PortalFactory portal = onTheLaterDay ? later : factory;
        var seedingDay = ArgentinaTime.LocalDate(portal.Time.GetUtcNow().UtcDateTime);

        var due = await portal.WithDbAsync(db => db.StageDefinitions
            .Where(d => d.Edition.Name == DemoSeeder.CurrentEditionName && d.Key == key).Select(d => d.DueAtUtc).SingleAsync());

        Assert.Equal(ArgentinaTime.ToUtc(seedingDay.AddDays(days), new TimeOnly(18, 0)), due);
    }

    [Fact]
    public async Task TheEditionInCourse_HasItsTeamsAtDifferentStages_AndEveryEventBeforeTheSeedingDay()
    {
        var now = later.Time.GetUtcNow().UtcDateTime;
        var current = await later.WithDbAsync(db => db.ProjectStages
            .Where(s => s.Project.Edition.Name == DemoSeeder.CurrentEditionName && s.State != StageState.Approved && s.State != StageState.Locked)
            .Select(s => new { s.Project.Municipality.Slug, s.StageDefinition.Key, s.State }).ToListAsync());
        Assert.Equal(
            [("bahiablanca", "prueba", StageState.InProgress), ("bariloche", "prototipo", StageState.Submitted), ("gualeguaychu", "ideacion", StageState.InProgress),
                ("jesusmaria", "validacion", StageState.ChangesRequested), ("tandil", "mesa-expertos", StageState.Available)],
            current.Select(c => (c.Slug, c.Key, c.State)).OrderBy(c => c.Slug).ToList());

        var latest = await later.WithDbAsync(db => db.StageEvents.Where(e => e.Project.Edition.Name == DemoSeeder.CurrentEditionName).MaxAsync(e => e.OccurredAtUtc));
        var first = await later.WithDbAsync(db => db.StageEvents.Where(e => e.Project.Edition.Name == DemoSeeder.CurrentEditionName).MinAsync(e => e.OccurredAtUtc));
        var start = await later.WithDbAsync(db => db.Editions.Where(e => e.Name == DemoSeeder.CurrentEditionName).Select(e => e.StartsAtUtc).SingleAsync());
        Assert.True(latest < now, "nothing of the demo happens after the day it is seeded");
        Assert.True(first >= start, "nothing of the demo happens before its edition starts");
    }

    [Fact]
    public async Task The2021Edition_IsClosed_WithItsWholeHistoryThroughTheExpertPanel()
    {
        var edition = await factory.WithDbAsync(db => db.Editions.Where(e => e.Name == ReferenceData.FirstEditionName)
            .Select(e => new { e.StartsAtUtc, e.EndsAtUtc, Projects = e.Projects.Count, Approved = e.Projects.SelectMany(p => p.Stages).Count(s => s.State == StageState.Approved) })
            .SingleAsync());
        Assert.Equal(ArgentinaTime.ToUtc(new DateOnly(2021, 7, 27), new TimeOnly(11, 0)), edition.StartsAtUtc);
        Assert.True(edition.EndsAtUtc < factory.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(5, edition.Projects);
        Assert.Equal(50, edition.Approved);

        var panel = await factory.WithDbAsync(async db => (
            Submitted: await db.PanelEvaluations.CountAsync(e => e.Assignment.Project.Edition.Name == ReferenceData.FirstEditionName && e.Status == EvaluationStatus.Submitted),
            Closed: await db.PanelPublications.CountAsync(p => p.Project.Edition.Name == ReferenceData.FirstEditionName && p.ClosedAtUtc != null),
            Answered: await db.Set<RecommendationResponse>().CountAsync(r => r.Recommendation.Evaluation.Assignment.Project.Edition.Name == ReferenceData.FirstEditionName && r.Decision != null)));
        Assert.Equal((10, 5, 10), panel);

        // Nothing in 2021 is overdue: every stage of a closed edition is approved.
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var editionId = await factory.WithDbAsync(db => db.Editions.Where(e => e.Name == ReferenceData.FirstEditionName).Select(e => e.Id).SingleAsync());
        var dashboard = await coordinator.GetPageAsync($"/coordinacion?edicion={editionId}");
        Assert.Empty(dashboard.QuerySelectorAll("ul.overdue-list li"));
    }

    [Fact]
    public async Task TheDashboard_OfTheDemo_SaysHowManyDaysAgoInDaysOfThisEdition()
    {
        using var coordinator = later.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");

        var page = await coordinator.GetPageAsync("/coordinacion");

        // The edition in course opens first; its one overdue stage is days late, not years.
        Assert.Equal(DemoSeeder.CurrentEditionName, page.QuerySelector("#edicion option[selected]")!.TextContent.Trim());
        var overdue = Assert.Single(page.QuerySelectorAll("ul.overdue-list li"));
        Assert.Contains("vencida hace 5 días", overdue.TextContent, StringComparison.Ordinal);
        Assert.Contains("espera hace 3 días", page.QuerySelector("ol.review-queue")!.TextContent, StringComparison.Ordinal);
    }
}
