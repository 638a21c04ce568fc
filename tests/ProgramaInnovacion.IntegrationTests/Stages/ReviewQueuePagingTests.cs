using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.IntegrationTests.Stages;

/// <summary>With hundreds of projects the review queue is paged, oldest submission first, and no submission is left out (issue 14).</summary>
public class ReviewQueuePagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheQueue_ListsEverySubmissionOnce_OldestFirst_FiftyPerPage()
    {
        const int seed = 31;
        await using (var scope = factory.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(new SyntheticEditionOptions(8, 1, seed));
        }

        // Seventy of the edition's eighty stages waiting for review, each submitted a minute after the previous one.
        var expected = await factory.WithDbAsync(async db =>
        {
            var stages = await db.ProjectStages.Where(s => s.Project.Edition.Name.StartsWith($"Edición sintética {seed}"))
                .OrderBy(s => s.Id).Take(70).ToListAsync();
            var start = factory.Time.GetUtcNow().UtcDateTime.AddDays(-10);
            // Submitted in the reverse of their ids, so the order on the page comes from the dates.
            for (var i = 0; i < stages.Count; i++)
            {
                db.ForceState(stages[i], StageState.Submitted);
                db.ForceSubmittedAt(stages[i], start.AddMinutes(stages.Count - i));
            }

            await db.SaveChangesAsync();
            return stages.OrderByDescending(s => s.Id).Select(s => s.ProjectId).ToList();
        });

        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync(SyntheticEditionSeeder.CoordinatorEmail(seed));
        var first = await coordinator.GetPageAsync("/revision");
        var second = await coordinator.GetPageAsync("/revision?pagina=2");

        static List<int> Projects(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("table tbody tr td a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(StageQueries.QueuePageSize, Projects(first).Count);
        Assert.Equal(expected, Projects(first).Concat(Projects(second)).ToList());
        Assert.Contains("70 entregas esperan revisión", first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Entregas 1 a 50 de 70 · página 1 de 2", first.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/revision?pagina=2", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("Entregas 51 a 70 de 70 · página 2 de 2", second.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);

        // A page number past the end, or nonsense, shows a real page instead of an error.
        Assert.Equal(Projects(second), Projects(await coordinator.GetPageAsync("/revision?pagina=99")));
        Assert.Equal(Projects(first), Projects(await coordinator.GetPageAsync("/revision?pagina=-3")));
    }
}
