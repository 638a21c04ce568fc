using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

/// <summary>
/// The dashboard leads with what a coordinator acts on (issue 15): counts, the review queue, what
/// is due this week and what is overdue; long lists show five and link to the rest ("Ver las N");
/// the matrix scrolls in a named, focusable region. An edition of the test's own: six projects
/// waiting for review, two due in two days, one overdue.
/// </summary>
public class DashboardFocusTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>An edition of the test's own with the default stages; stage 1 due at <paramref name="firstDueAtUtc"/>.</summary>
    private static ProgramEdition NewEdition(string name, DateTime startsAtUtc, DateTime nowUtc, DateTime? firstDueAtUtc) => new()
    {
        Name = name + " " + Guid.NewGuid().ToString("N")[..6],
        Theme = "Prueba",
        StartsAtUtc = startsAtUtc,
        CreatedAtUtc = nowUtc,
        Phase = EditionPhase.Running, // overdue figures exist only while an edition is en curso
        Stages = DefaultStageTemplate.Stages.Select(t => t.ToDefinition(t.Order == 1 ? firstDueAtUtc : null)).ToList(),
    };

    private async Task<int> EditionWithWorkAsync()
    {
        return await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var edition = NewEdition("Edición del tablero", now.AddDays(-30), now, now.AddDays(2));
            db.Editions.Add(edition);
            for (var i = 0; i < 9; i++)
            {
                var municipality = new Municipality { Name = $"Tablero {i + 1}", Province = "Buenos Aires", Slug = $"tablero-{edition.Name[^6..]}-{i}" };
                var project = ProjectFactory.Create(edition, municipality, now.AddDays(-30));
                edition.Projects.Add(project);
                var first = project.Stages.Single(s => s.StageDefinition.Order == 1);
                if (i < 6)
                {
                    db.ForceState(first, StageState.Submitted);
                    db.ForceSubmittedAt(first, now.AddDays(-6 + i));
                }
                else if (i == 8)
                {
                    // Stage 2 open early and already past its own due date: overdue.
                    var second = project.Stages.Single(s => s.StageDefinition.Order == 2);
                    second.StageDefinition.DueAtUtc = now.AddDays(-3);
                    db.ForceState(second, StageState.InProgress);
                    db.ForceState(first, StageState.Approved);
                }
            }

            await db.SaveChangesAsync();
            await CoordinatedByTheDemoCoordinatorAsync(db, edition.Id);
            return edition.Id;
        });
    }

    /// <summary>Coordinators see the editions assigned to them.</summary>
    private static async Task CoordinatedByTheDemoCoordinatorAsync(AppDbContext db, int editionId)
    {
        var coordinator = await db.Users.Where(u => u.Email == DemoSeeder.CoordinatorEmail).Select(u => u.Id).SingleAsync();
        db.CoordinatorEditions.Add(new CoordinatorEdition { UserId = coordinator, EditionId = editionId });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Dashboard_LeadsWithCountsQueueAndThisWeeksDueDates_AndFoldsLongLists()
    {
        var edition = await EditionWithWorkAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");

        var page = await client.GetPageAsync($"/coordinacion?edicion={edition}");

        var counts = page.QuerySelector("ul.dashboard-counts")!.TextContent;
        Assert.Matches(@"6\s+esperan revisión", counts);
        Assert.Matches(@"2\s+vencen esta semana", counts);
        Assert.Matches(@"1\s+etapas vencidas", counts);

        // The counts and the queue come before the matrix.
        var html = page.DocumentElement.OuterHtml;
        Assert.True(html.IndexOf("dashboard-counts", StringComparison.Ordinal) < html.IndexOf("progress-matrix", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"cola-revision\"", StringComparison.Ordinal) < html.IndexOf("progress-matrix", StringComparison.Ordinal));

        // Five in sight, oldest first; the sixth behind "Ver las 6 entregas", the review queue (issue 14: a list of 500 is not rendered).
        var queue = page.QuerySelector("#cola-revision")!.ParentElement!;
        var visible = queue.QuerySelectorAll("ol.review-queue > li").ToList();
        Assert.Equal(5, visible.Count);
        Assert.StartsWith("Tablero 1 —", visible[0].QuerySelector("a")!.TextContent.Trim(), StringComparison.Ordinal);
        var more = queue.QuerySelector("a.dashboard-more")!;
        Assert.Equal("Ver las 6 entregas", more.TextContent.Trim());
        Assert.Equal("/revision", more.GetAttribute("href"));

        var dueSoon = page.QuerySelectorAll("ul.due-soon-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, dueSoon.Count);
        Assert.All(dueSoon, text => Assert.Contains("vence en 2 días", text, StringComparison.Ordinal));
        Assert.Contains("Etapas vencidas (1)", page.QuerySelector("#vencidas")!.TextContent, StringComparison.Ordinal);

        var region = page.QuerySelector("table.progress-matrix")!.ParentElement!;
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("avance", region.GetAttribute("aria-labelledby"));
        Assert.All(page.QuerySelectorAll("table.progress-matrix tbody th"), th => Assert.Contains("matrix-sticky", th.ClassName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_WithNothingDueOrWaiting_SaysSoInSpanish()
    {
        var edition = await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var quiet = NewEdition("Edición tranquila", now.AddDays(-1), now, null);
            db.Editions.Add(quiet);
            await db.SaveChangesAsync();
            await CoordinatedByTheDemoCoordinatorAsync(db, quiet.Id);
            return quiet.Id;
        });
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("coordinacion@programa.example");

        var page = await client.GetPageAsync($"/coordinacion?edicion={edition}");

        Assert.Contains("No hay entregas esperando revisión. Cuando un equipo entregue una etapa, va a aparecer acá.", page.QuerySelector("#cola-revision")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ninguna etapa vence en los próximos 7 días.", page.QuerySelector("#esta-semana")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".dashboard-more"));
    }
}
