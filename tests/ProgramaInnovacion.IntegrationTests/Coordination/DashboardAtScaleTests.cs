using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

/// <summary>
/// The dashboard of a large edition weighs about the same as one of half its size (issue 14): the
/// review queue, the stages due this week and the overdue ones show five items and link to the
/// full list, while every count stays exact.
/// </summary>
public class DashboardAtScaleTests(DashboardAtScaleTests.TwoEditionsFactory factory) : IClassFixture<DashboardAtScaleTests.TwoEditionsFactory>
{
    private const int SmallSeed = 41;
    private const int LargeSeed = 42;

    /// <summary>
    /// Two synthetic editions (60 and 120 projects) running, every stage due three days ago but the
    /// third to fifth, due in two days: many stages are overdue, due this week and waiting for review.
    /// </summary>
    private static bool DueSoon(int order) => order is >= 3 and <= 5;

    public sealed class TwoEditionsFactory : PortalFactory, IAsyncLifetime
    {
        // Adds its editions after start-up and changes no setting, service or clock: the demo copy is the same database.
        protected override bool StartsFromTemplate => true;

        public Dictionary<int, int> Editions { get; } = [];

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var (seed, projects) in new[] { (SmallSeed, 60), (LargeSeed, 120) })
            {
                await using var scope = CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(new SyntheticEditionOptions(projects, 1, seed));
                Editions[seed] = result!.EditionId;
            }

            var now = Time.GetUtcNow().UtcDateTime;
            await WithDbAsync(async db =>
            {
                var ids = Editions.Values.ToList();
                foreach (var edition in await db.Editions.Where(e => ids.Contains(e.Id)).ToListAsync())
                {
                    edition.Phase = EditionPhase.Running;
                }

                foreach (var stage in await db.StageDefinitions.Where(d => ids.Contains(d.EditionId)).ToListAsync())
                {
                    stage.DueAtUtc = DueSoon(stage.Order) ? now.AddDays(2) : now.AddDays(-3);
                }

                await db.SaveChangesAsync();
            });
        }
    }

    private async Task<(AngleSharp.Dom.IDocument Page, int Bytes)> DashboardAsync(int seed, string query = "")
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(SyntheticEditionSeeder.CoordinatorEmail(seed));
        var html = await client.Http.GetStringAsync($"/coordinacion?edicion={factory.Editions[seed]}{query}");
        return (new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), Encoding.UTF8.GetByteCount(html));
    }

    /// <summary>What the dashboard must count, straight from the database.</summary>
    private Task<(int Queue, int Overdue, int DueSoon)> ExpectedCountsAsync(int seed) => factory.WithDbAsync(async db =>
    {
        var editionId = factory.Editions[seed];
        var stages = db.ProjectStages.Where(s => s.Project.EditionId == editionId);
        var teamCanAct = stages.Where(s => s.StageDefinition.HasTeamForm
            && (s.State == StageState.Available || s.State == StageState.InProgress || s.State == StageState.ChangesRequested));
        return (await stages.CountAsync(s => s.State == StageState.Submitted),
            await teamCanAct.CountAsync(s => s.StageDefinition.Order < 3 || s.StageDefinition.Order > 5),
            await teamCanAct.CountAsync(s => s.StageDefinition.Order >= 3 && s.StageDefinition.Order <= 5));
    });

    /// <summary>A figure of the dashboard's summary ("esperan revisión", "etapas vencidas", "vencen esta semana").</summary>
    internal static int Count(AngleSharp.Dom.IDocument page, string label) =>
        int.Parse(page.QuerySelectorAll("ul.dashboard-counts li").Single(li => li.TextContent.Contains(label, StringComparison.Ordinal))
            .QuerySelector(".dashboard-count-number")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task LargeEdition_ListsShowFiveAndLinkToTheRest_CountsExact_PageAsSmallAsHalfTheSize()
    {
        var sizes = new Dictionary<int, int>();
        foreach (var seed in new[] { SmallSeed, LargeSeed })
        {
            var (page, bytes) = await DashboardAsync(seed);
            sizes[seed] = bytes;
            var expected = await ExpectedCountsAsync(seed);
            Assert.True(expected.Queue > DashboardViewModel.ListPreview && expected.Overdue > DashboardViewModel.ListPreview && expected.DueSoon > DashboardViewModel.ListPreview,
                $"La edición de prueba debe tener más de cinco de cada lista: {expected}.");

            Assert.Equal(expected.Queue, Count(page, "esperan revisión"));
            Assert.Equal(expected.Overdue, Count(page, "etapas vencidas"));
            Assert.Equal(expected.DueSoon, Count(page, "vencen esta semana"));
            Assert.Equal(DashboardViewModel.ListPreview, page.QuerySelectorAll("ol.review-queue li").Length);
            Assert.Equal(DashboardViewModel.ListPreview, page.QuerySelectorAll("ul.overdue-list li").Length);
            Assert.Equal(DashboardViewModel.ListPreview, page.QuerySelectorAll("ul.due-soon-list li").Length);

            var links = page.QuerySelectorAll("a.dashboard-more").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
            Assert.Equal("/revision", links[$"Ver las {expected.Queue} entregas"]);
            Assert.Equal($"/coordinacion?edicion={factory.Editions[seed]}&plazo=vencidas#avance", links[$"Ver las {expected.Overdue} etapas vencidas"]);
            Assert.Equal($"/coordinacion?edicion={factory.Editions[seed]}&plazo=esta-semana#avance", links[$"Ver las {expected.DueSoon} etapas que vencen esta semana"]);
        }

        // Twice the projects, twice the queue and deadlines: the page grows by a few digits, not by their items.
        Assert.True(sizes[LargeSeed] < sizes[SmallSeed] * 1.1, $"El tablero pesa {sizes[SmallSeed]:N0} bytes con 60 proyectos y {sizes[LargeSeed]:N0} con 120.");
    }

    [Fact]
    public async Task OverdueAndDueThisWeekLinks_ShowExactlyTheProjectsWithSuchAStage()
    {
        var editionId = factory.Editions[LargeSeed];
        var (overdueProjects, dueSoonProjects) = await factory.WithDbAsync(async db =>
        {
            var acting = db.ProjectStages.Where(s => s.Project.EditionId == editionId && s.StageDefinition.HasTeamForm
                && (s.State == StageState.Available || s.State == StageState.InProgress || s.State == StageState.ChangesRequested));
            return (await acting.Where(s => s.StageDefinition.Order < 3 || s.StageDefinition.Order > 5).Select(s => s.ProjectId).Distinct().CountAsync(),
                await acting.Where(s => s.StageDefinition.Order >= 3 && s.StageDefinition.Order <= 5).Select(s => s.ProjectId).Distinct().CountAsync());
        });

        var (overdue, _) = await DashboardAsync(LargeSeed, "&plazo=vencidas");
        Assert.Contains($"de {overdueProjects} ·", overdue.QuerySelector("nav[aria-label='Páginas del avance por proyecto'] [role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.All(overdue.QuerySelectorAll("table.progress-matrix tbody tr"), row => Assert.NotNull(row.QuerySelector("td .overdue")));
        Assert.Equal("vencidas", overdue.QuerySelector("#filtro-plazo option[selected]")!.GetAttribute("value"));

        var (dueSoon, _) = await DashboardAsync(LargeSeed, "&plazo=esta-semana");
        Assert.Contains($"de {dueSoonProjects} ·", dueSoon.QuerySelector("nav[aria-label='Páginas del avance por proyecto'] [role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.True(dueSoonProjects < 120, "La prueba necesita proyectos sin etapa que venza esta semana.");
    }
    [Fact]
    public async Task StageChange_IsCountedOnTheNextLoad_TheStageRowsAreNotServedStale()
    {
        var (before, _) = await DashboardAsync(SmallSeed);
        var waiting = Count(before, "esperan revisión");

        await factory.WithDbAsync(async db =>
        {
            var editionId = factory.Editions[SmallSeed];
            var stage = await db.ProjectStages.Where(s => s.Project.EditionId == editionId && s.State == StageState.InProgress).OrderBy(s => s.Id).FirstAsync();
            db.ForceState(stage, StageState.Submitted);
            await db.SaveChangesAsync();
        });

        var (after, _) = await DashboardAsync(SmallSeed);
        Assert.Equal(waiting + 1, Count(after, "esperan revisión"));
    }
}
