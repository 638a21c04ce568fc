using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramaInnovacion.IntegrationTests.Performance;

/// <summary>
/// Every main page costs the same SQL commands, and at most eight, in a synthetic edition of five
/// projects and in one of forty (issue 14): a page that grows with the edition is an N+1.
/// </summary>
public class PageQueryCountTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    /// <summary>The page's own eight, plus the security-stamp check every signed-in request makes (issue 12, item 6).</summary>
    public const int MaxCommandsPerPage = 8 + 1;

    private const int Revisions = 3;

    [Fact]
    public async Task MainPages_IssueAtMostEightSqlCommands_TheSameWithFiveOrFortyProjects()
    {
        var small = await MeasureAsync(await SeedAsync(projects: 5, seed: 11));
        var large = await MeasureAsync(await SeedAsync(projects: 40, seed: 12));

        var table = string.Join("\n", small.Keys.Select(page => $"{page}: {small[page]} con 5 proyectos, {large[page]} con 40"));
        output.WriteLine(table);
        Assert.True(small.All(p => p.Value == large[p.Key] && p.Value <= MaxCommandsPerPage), "Comandos SQL por página:\n" + table);
    }

    [Fact]
    public async Task SyntheticEdition_HasEveryStateRevisionsAndTheSharedContent()
    {
        var options = new SyntheticEditionOptions(30, Revisions, 21);
        var editionId = await SeedAsync(options.Projects, options.Seed);

        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(30, await db.Projects.CountAsync(p => p.EditionId == editionId));
            Assert.Equal(300, await db.ProjectStages.CountAsync(s => s.Project.EditionId == editionId));
            var states = await db.ProjectStages.Where(s => s.Project.EditionId == editionId).Select(s => s.State).Distinct().ToListAsync();
            Assert.Superset(new HashSet<StageState> { StageState.Locked, StageState.Available, StageState.InProgress, StageState.Submitted, StageState.ChangesRequested, StageState.Approved }, states.ToHashSet());
            var revisionCounts = await db.Deliverables.Where(d => d.ProjectStage.Project.EditionId == editionId).Select(d => d.Revisions.Count).Distinct().ToListAsync();
            Assert.Equal([Revisions], revisionCounts);
            Assert.True(await db.StageEvents.CountAsync(e => e.Project.EditionId == editionId) > 60);
            Assert.True(await db.Attachments.AnyAsync(a => a.Deliverable.ProjectStage.Project.EditionId == editionId));
            Assert.True(await db.Comments.AnyAsync(c => c.Deliverable.ProjectStage.Project.EditionId == editionId));
            Assert.True(await db.NetworkPosts.CountAsync(p => p.EditionId == editionId) >= 15);
            Assert.True(await db.CaseEntries.AnyAsync(c => c.EditionId == editionId));
            Assert.True(await db.PanelEvaluations.AnyAsync(e => e.Assignment.Project.EditionId == editionId && e.Status == EvaluationStatus.Submitted));
        });

        // On PostgreSQL a bulk load ends with fresh planner statistics: it plans an unanalysed table
        // as nearly empty (PlannerStatistics; SQLite plans this schema better without any).
        await factory.WithDbAsync(async db =>
        {
            if (db.Database.IsNpgsql())
            {
                var described = await db.Database.SqlQueryRaw<int>("""SELECT reltuples::int AS "Value" FROM pg_class WHERE relname = 'ProjectStages'""").SingleAsync();
                Assert.True(described >= 300, $"Las estadísticas del planificador describen {described} filas de ProjectStages.");
            }
        });

        // The same seed and size again: the edition exists, nothing is written twice.
        await using var scope = factory.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(options));
    }

    private async Task<int> SeedAsync(int projects, int seed)
    {
        await using var scope = factory.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(new SyntheticEditionOptions(projects, Revisions, seed));
        return Assert.IsType<SyntheticEditionResult>(result).EditionId;
    }

    private async Task<Dictionary<string, int>> MeasureAsync(int editionId)
    {
        var sample = await factory.WithDbAsync(async db =>
        {
            // The furthest-along project (its final project stage written), and a stage waiting for review.
            var project = await db.Projects.Where(p => p.EditionId == editionId)
                .OrderByDescending(p => p.Stages.Count(s => s.State == StageState.Approved)).ThenBy(p => p.Id)
                .Select(p => new { p.Id, Team = p.Members.Select(m => m.User.Email).First() })
                .FirstAsync();
            var submitted = await db.ProjectStages.Where(s => s.Project.EditionId == editionId && s.Deliverable!.Revisions.Any(r => r.Kind == RevisionKind.Submission))
                .OrderByDescending(s => s.State == StageState.Submitted).ThenBy(s => s.Id).Select(s => new { s.ProjectId, s.StageDefinition.Key }).FirstAsync();
            var seed = int.Parse(await db.Editions.Where(e => e.Id == editionId).Select(e => e.Name.Substring(18, 2)).SingleAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (project.Id, project.Team!, submitted.ProjectId, submitted.Key, seed);
        });

        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync(SyntheticEditionSeeder.CoordinatorEmail(sample.seed));
        using var team = factory.CreatePortalClient();
        await team.SignInAsync(sample.Item2);
        var review = $"/proyectos/{sample.Item3}/etapas/{sample.Key}";
        return new Dictionary<string, int>
        {
            ["tablero de coordinación"] = await CountAsync(coordinator, $"/coordinacion?edicion={editionId}"),
            ["cola de revisión"] = await CountAsync(coordinator, "/revision"),
            ["página del proyecto"] = await CountAsync(coordinator, $"/proyectos/{sample.Item1}"),
            ["formulario de etapa (equipo)"] = await CountAsync(team, $"/proyectos/{sample.Item1}/etapas/desafio"),
            ["revisión con diferencias"] = await CountAsync(coordinator, review + "/revision"),
            ["comparar revisiones"] = await CountAsync(coordinator, $"{review}/comparar?desde=1&hasta={Revisions}"),
            ["biblioteca de casos"] = await CountAsync(team, "/biblioteca?q=tramite"),
            ["red de aprendizaje"] = await CountAsync(team, "/red"),
            ["exportación .xlsx"] = await CountAsync(coordinator, $"/coordinacion/exportar/progreso.xlsx?edicion={editionId}"),
            ["exportación .csv"] = await CountAsync(coordinator, $"/coordinacion/exportar/entregables.csv?edicion={editionId}"),
            ["dossier"] = await CountAsync(coordinator, $"/proyectos/{sample.Item1}/dossier"),
            ["vitrina pública de la edición"] = await ShowcaseCountAsync(editionId),
        };
    }

    /// <summary>The edition's public showcase with every project published, asked for by an anonymous visitor.</summary>
    private async Task<int> ShowcaseCountAsync(int editionId)
    {
        await factory.WithDbAsync(async db =>
        {
            var projects = await db.Projects.Where(p => p.EditionId == editionId && !db.ShowcasePublications.Any(s => s.ProjectId == p.Id)).Select(p => p.Id).ToListAsync();
            db.ShowcasePublications.AddRange(projects.Select(id => new ShowcasePublication
            {
                ProjectId = id,
                TeamConsent = "Correo del equipo",
                IncludeRecommendations = true,
                PublishedAtUtc = factory.Time.GetUtcNow().UtcDateTime,
            }));
            await db.SaveChangesAsync();
        });
        // The first request: a second one is answered from the showcase's output cache without SQL (ShowcaseCacheTests).
        using var visitor = factory.CreatePortalClient();
        var commands = await factory.SqlCounter.RecordAsync(async () => Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/vitrina/{editionId}")).StatusCode));
        return commands.Count;
    }

    private async Task<int> CountAsync(PortalClient client, string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode); // warm-up: sign-in checks and caches
        var commands = await factory.SqlCounter.RecordAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode));
        return commands.Count;
    }
}
