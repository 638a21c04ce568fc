using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Coordination;

/// <summary>
/// The dashboard is derived once per stamp and kept (issue 14): a repeated load reads neither the
/// projects' stages nor their events, yet a workflow action, an edited deadline or the clock passing
/// a due date or a day shows on the very next load. The matrix's markup stays light.
/// </summary>
public class DashboardSnapshotTests(DashboardSnapshotTests.SnapshotFactory factory) : IClassFixture<DashboardSnapshotTests.SnapshotFactory>
{
    private const int Seed = 51;

    /// <summary>A running synthetic edition of 60 projects; its third stage is due in an hour.</summary>
    public sealed class SnapshotFactory : PortalFactory, IAsyncLifetime
    {
        // Adds its edition after start-up and changes no setting, service or clock: the demo copy is the same database.
        protected override bool StartsFromTemplate => true;

        public int EditionId { get; private set; }

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using (var scope = CreateScope())
            {
                EditionId = (await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(new SyntheticEditionOptions(60, 1, Seed)))!.EditionId;
            }

            var now = Time.GetUtcNow().UtcDateTime;
            await WithDbAsync(async db =>
            {
                (await db.Editions.SingleAsync(e => e.Id == EditionId)).Phase = EditionPhase.Running;
                foreach (var stage in await db.StageDefinitions.Where(d => d.EditionId == EditionId).ToListAsync())
                {
                    stage.DueAtUtc = stage.Order == 3 ? now.AddHours(1) : now.AddDays(30);
                }

                await db.SaveChangesAsync();
            });
        }
    }

    private async Task<(AngleSharp.Dom.IDocument Page, string Html)> DashboardAsync(PortalClient? signedIn = null)
    {
        using var own = signedIn is null ? factory.CreatePortalClient() : null;
        var client = signedIn ?? own!;
        if (own is not null)
        {
            await client.SignInAsync(SyntheticEditionSeeder.CoordinatorEmail(Seed));
        }

        var html = await client.Http.GetStringAsync($"/coordinacion?edicion={factory.EditionId}");
        return (new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);
    }

    private static int Count(AngleSharp.Dom.IDocument page, string label) => DashboardAtScaleTests.Count(page, label);

    /// <summary>Overdue and due-this-week stages of the edition as of the factory's clock, straight from the database.</summary>
    private Task<(int Overdue, int DueSoon)> DeadlinesAsync() => factory.WithDbAsync(async db =>
    {
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var stages = await db.ProjectStages.Where(s => s.Project.EditionId == factory.EditionId)
            .Select(s => new { s.State, s.StageDefinition.HasTeamForm, s.StageDefinition.DueAtUtc }).ToListAsync();
        return (stages.Count(s => StageDeadline.IsOverdue(s.State, s.HasTeamForm, s.DueAtUtc, now)),
            stages.Count(s => StageDeadline.IsDueSoon(s.State, s.HasTeamForm, s.DueAtUtc, now)));
    });

    [Fact]
    public async Task SecondLoad_ReadsNoStageEvents_IssuesFewerCommands_AndShowsTheSameDashboard()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(SyntheticEditionSeeder.CoordinatorEmail(Seed));
        await factory.WithDbAsync(async db =>
        {
            // A write first, so that the first load below builds the dashboard.
            var stage = await db.ProjectStages.Where(s => s.Project.EditionId == factory.EditionId).OrderBy(s => s.Id).FirstAsync();
            db.Entry(stage).Property(s => s.StateChangedAtUtc).CurrentValue = stage.StateChangedAtUtc.AddSeconds(1);
            await db.SaveChangesAsync();
        });

        (AngleSharp.Dom.IDocument Page, string Html) first = default, second = default;
        var built = await factory.SqlCounter.RecordAsync(async () => first = await DashboardAsync(client));
        var kept = await factory.SqlCounter.RecordAsync(async () => second = await DashboardAsync(client));

        Assert.Contains(built, c => c.Contains("\"StageEvents\"", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, c => c.Contains("\"StageEvents\"", StringComparison.Ordinal));
        Assert.True(kept.Count < built.Count, $"{kept.Count} comandos con el tablero guardado, {built.Count} al armarlo.");
        foreach (var selector in new[] { "ul.dashboard-counts", "ol.review-queue", "table.progress-matrix", "table.stage-counts", "ul.activity-list", "table.chart-data" })
        {
            Assert.Equal(first.Page!.QuerySelector(selector)?.OuterHtml, second.Page!.QuerySelector(selector)?.OuterHtml);
        }
    }

    [Fact]
    public async Task Approval_ShowsOnTheNextLoad_InTheQueueTheMatrixAndTheActivity()
    {
        var (before, _) = await DashboardAsync();
        var waiting = Count(before, "esperan revisión");

        var (projectId, municipality, key) = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Include(s => s.StageDefinition).Include(s => s.Project).ThenInclude(p => p.Municipality)
                .Where(s => s.Project.EditionId == factory.EditionId && s.State == StageState.Submitted).OrderBy(s => s.Id).FirstAsync();
            // After every event of the synthetic edition, so that it heads the activity list.
            var at = (await db.StageEvents.Where(e => e.Project.EditionId == factory.EditionId).MaxAsync(e => e.OccurredAtUtc)).AddMinutes(1);
            Assert.True(stage.Apply(StageAction.Approve, WorkflowActor.Coordinator, null, at).Allowed);
            await db.SaveChangesAsync();
            return (stage.ProjectId, stage.Project.Municipality.Name, stage.StageDefinition.Key);
        });

        var (after, _) = await DashboardAsync();
        Assert.Equal(waiting - 1, Count(after, "esperan revisión"));
        var latest = after.QuerySelector("ul.activity-list li")!.TextContent;
        Assert.Contains("Aprobó", latest, StringComparison.Ordinal);
        Assert.Contains(municipality, latest, StringComparison.Ordinal);

        // The project's row, on whichever page of the matrix it falls.
        var pages = int.Parse(after.QuerySelector("nav[aria-label='Páginas del avance por proyecto'] [role='status']")!.TextContent.Trim()[^1..], System.Globalization.CultureInfo.InvariantCulture);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(SyntheticEditionSeeder.CoordinatorEmail(Seed));
        AngleSharp.Dom.IElement? cell = null;
        for (var page = 1; page <= pages && cell is null; page++)
        {
            var html = await client.GetPageAsync($"/coordinacion?edicion={factory.EditionId}&pagina={page}");
            cell = html.QuerySelector($"tr[data-project='{projectId}'] a[href='/proyectos/{projectId}/etapas/{key}']");
        }

        Assert.NotNull(cell);
        Assert.Contains("state-approved", cell.ClassName, StringComparison.Ordinal);
        Assert.StartsWith("Aprobada ·", cell.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockPassingADueDateAndADay_ShowsOnTheNextLoad_WithoutAnyWrite()
    {
        var expectedBefore = await DeadlinesAsync();
        Assert.True(expectedBefore.DueSoon > 0, "La prueba necesita etapas que venzan dentro de una hora.");
        var (before, _) = await DashboardAsync();
        Assert.Equal(expectedBefore.Overdue, Count(before, "etapas vencidas"));
        Assert.Equal(expectedBefore.DueSoon, Count(before, "vencen esta semana"));
        var firstRow = before.QuerySelectorAll("table.progress-matrix tbody tr").First(r => r.QuerySelector("td.matrix-current") is not null);
        var days = DaysInCurrentStage(firstRow);

        factory.Time.Advance(TimeSpan.FromDays(1));

        var expectedAfter = await DeadlinesAsync();
        Assert.True(expectedAfter.Overdue > expectedBefore.Overdue, "La fecha de la tercera etapa pasó: hay más etapas vencidas.");
        var (after, _) = await DashboardAsync();
        Assert.Equal(expectedAfter.Overdue, Count(after, "etapas vencidas"));
        Assert.Equal(expectedAfter.DueSoon, Count(after, "vencen esta semana"));
        var sameRow = after.QuerySelector($"table.progress-matrix tbody tr[data-project='{firstRow.GetAttribute("data-project")}']")!;
        Assert.Equal(days + 1, DaysInCurrentStage(sameRow));
    }

    [Fact]
    public async Task EditedDeadline_ShowsOnTheNextLoad()
    {
        var (before, _) = await DashboardAsync();
        var overdue = Count(before, "etapas vencidas");

        await factory.WithDbAsync(async db =>
        {
            var first = await db.StageDefinitions.SingleAsync(d => d.EditionId == factory.EditionId && d.Order == 1);
            first.DueAtUtc = factory.Time.GetUtcNow().UtcDateTime.AddDays(-1);
            await db.SaveChangesAsync();
        });

        var expected = await DeadlinesAsync();
        Assert.True(expected.Overdue > overdue, "La prueba necesita etapas 1 en las que el equipo todavía puede trabajar.");
        var (after, _) = await DashboardAsync();
        Assert.Equal(expected.Overdue, Count(after, "etapas vencidas"));
    }

    /// <summary>"N de M completaron el programa": M is how many projects the matrix holds.</summary>
    private static int ProjectsShown(AngleSharp.Dom.IDocument page) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(page.QuerySelector("ul.dashboard-counts")!.TextContent, @"de (\d+) completaron").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private Task<Guid> StampAsync(int editionId) =>
        factory.WithDbAsync(db => db.Editions.Where(e => e.Id == editionId).Select(e => e.ProgressStamp).SingleAsync());

    [Fact]
    public async Task AStageWrite_ReplacesTheStampOfItsEditionOnly_AndAnUnrelatedWriteNone()
    {
        var other = await factory.WithDbAsync(db => db.Editions.Where(e => e.Id != factory.EditionId).Select(e => e.Id).FirstAsync());
        var (mine, theirs) = (await StampAsync(factory.EditionId), await StampAsync(other));

        await factory.WithDbAsync(async db =>
        {
            // Loaded alone: the save finds the edition through the stage's definition in the database.
            var stage = await db.ProjectStages.Where(s => s.Project.EditionId == factory.EditionId && s.State == StageState.Available).OrderBy(s => s.Id).FirstAsync();
            Assert.True(stage.Apply(StageAction.SaveDraft, WorkflowActor.Team, null, factory.Time.GetUtcNow().UtcDateTime).Allowed);
            await db.SaveChangesAsync();
        });
        var afterStage = await StampAsync(factory.EditionId);
        Assert.NotEqual(mine, afterStage);
        Assert.Equal(theirs, await StampAsync(other));

        await factory.WithDbAsync(async db =>
        {
            (await db.Municipalities.OrderBy(m => m.Id).FirstAsync()).Population = 12345;
            await db.SaveChangesAsync();
        });
        Assert.Equal(afterStage, await StampAsync(factory.EditionId));
    }

    [Fact]
    public async Task Submission_ShowsOnTheNextLoad_InTheQueue()
    {
        var (before, _) = await DashboardAsync();
        var waiting = Count(before, "esperan revisión");

        await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Where(s => s.Project.EditionId == factory.EditionId && s.State == StageState.InProgress).OrderBy(s => s.Id).FirstAsync();
            Assert.True(stage.Apply(StageAction.Submit, WorkflowActor.Team, null, factory.Time.GetUtcNow().UtcDateTime).Allowed);
            await db.SaveChangesAsync();
        });

        var (after, _) = await DashboardAsync();
        Assert.Equal(waiting + 1, Count(after, "esperan revisión"));
    }

    [Fact]
    public async Task ASaveInsideTheCallersTransaction_ShowsOnTheNextLoad_OnceCommitted()
    {
        var (before, _) = await DashboardAsync();
        var waiting = Count(before, "esperan revisión");

        // As the portal's use cases that span several saves do: the transaction inside the execution strategy.
        await factory.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var stage = await db.ProjectStages.Where(s => s.Project.EditionId == factory.EditionId && s.State == StageState.Submitted).OrderBy(s => s.Id).FirstAsync();
            Assert.True(stage.Apply(StageAction.RequestChanges, WorkflowActor.Coordinator, null, factory.Time.GetUtcNow().UtcDateTime, "Falta el presupuesto.").Allowed);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }));

        var (after, _) = await DashboardAsync();
        Assert.Equal(waiting - 1, Count(after, "esperan revisión"));
    }

    [Fact]
    public async Task AProjectAddedOrRemoved_ShowsOnTheNextLoad()
    {
        var (before, _) = await DashboardAsync();
        var projects = ProjectsShown(before);

        var added = await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleAsync(e => e.Id == factory.EditionId);
            var municipality = new Municipality { Name = "Villa Tablero", Province = "Neuquén", Slug = "villa-tablero-snapshot" };
            var project = ProjectFactory.Create(edition, municipality, factory.Time.GetUtcNow().UtcDateTime);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });

        var (withIt, html) = await DashboardAsync();
        Assert.Equal(projects + 1, ProjectsShown(withIt));
        Assert.Contains("Villa Tablero", html, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Stages).ThenInclude(s => s.Events).SingleAsync(p => p.Id == added);
            db.StageEvents.RemoveRange(project.Stages.SelectMany(s => s.Events));
            db.Projects.Remove(project);
            await db.SaveChangesAsync();
        });

        var (without, _) = await DashboardAsync();
        Assert.Equal(projects, ProjectsShown(without));
    }

    [Fact]
    public async Task AStageDefinitionAddedOrRemoved_ShowsOnTheNextLoad_AsAColumn()
    {
        static List<string> Columns(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("table.progress-matrix thead th abbr").Select(a => a.GetAttribute("title")!).ToList();
        var (before, _) = await DashboardAsync();

        var added = await factory.WithDbAsync(async db =>
        {
            var definition = new StageDefinition { EditionId = factory.EditionId, Order = 99, Key = "etapa-extra", Name = "Etapa extra del tablero" };
            db.StageDefinitions.Add(definition);
            await db.SaveChangesAsync();
            return definition.Id;
        });

        var (withIt, _) = await DashboardAsync();
        Assert.Equal([.. Columns(before), "Etapa extra del tablero"], Columns(withIt));

        await factory.WithDbAsync(async db =>
        {
            db.StageDefinitions.Remove(await db.StageDefinitions.SingleAsync(d => d.Id == added));
            await db.SaveChangesAsync();
        });

        var (without, _) = await DashboardAsync();
        Assert.Equal(Columns(before), Columns(without));
    }

    [Fact]
    public async Task MatrixPage_WeighsUnderThreeKilobytesAProject_EachCellStillSaysItsStateAndStage()
    {
        var (page, _) = await DashboardAsync();
        var rows = page.QuerySelectorAll("table.progress-matrix tbody tr").ToList();
        Assert.Equal(50, rows.Count);
        var bytes = rows.Sum(r => Encoding.UTF8.GetByteCount(r.OuterHtml));
        Assert.True(bytes / rows.Count < 3000, $"Una fila de la matriz pesa {bytes / rows.Count:N0} bytes.");

        var stages = page.QuerySelectorAll("table.progress-matrix thead th abbr").Select(a => a.GetAttribute("title")!).ToList();
        Assert.All(rows, row =>
        {
            var cells = row.QuerySelectorAll("td.matrix-cell").ToList();
            Assert.Equal(stages.Count, cells.Count);
            Assert.All(cells.Zip(stages), pair =>
            {
                var link = pair.First.QuerySelector("a")!;
                Assert.Matches($"^(Bloqueada|Disponible|En progreso|Entregada|Cambios solicitados|Aprobada) · {System.Text.RegularExpressions.Regex.Escape(pair.Second)}$", link.TextContent);
                Assert.Equal(pair.Second, link.GetAttribute("title"));
                Assert.Matches("^state-(locked|available|in-progress|submitted|changes|approved)$", link.ClassName!);
            });
        });
    }

    private static int DaysInCurrentStage(AngleSharp.Dom.IElement row)
    {
        var text = row.QuerySelector("td.matrix-current span.d-block.small")!.TextContent;
        return int.Parse(text.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("es-AR"));
    }
}
