using System.Net;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>The coordinator's panel overview and its export cost the same SQL commands with one open panel or four.</summary>
public class PanelQueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OverviewAndExport_IssueTheSameSqlCommands_WithOneOrFourOpenPanels()
    {
        using var coordinator = factory.CreatePortalClient();
        await coordinator.SignInAsync("coordinacion@programa.example");
        var overviewOne = await CountCommandsAsync(coordinator, "/coordinacion/panel");
        var exportOne = await CountCommandsAsync(coordinator, "/coordinacion/panel/exportar");

        foreach (var slug in new[] { "bariloche", "bahiablanca", "jesusmaria" })
        {
            var project = await factory.ProjectIdAsync(slug);
            await factory.OpenPanelAsync(project);
            for (var i = 1; i <= 2; i++)
            {
                var expert = await factory.NewExpertAsync($"Conteo {slug} {(i == 1 ? "Uno" : "Dos")}");
                var assignment = await factory.AssignAsync(project, expert.Id);
                await factory.SubmitEvaluationAsync(assignment, 3 + (i % 2), $"Comentario {i}", $"Recomendación {i} para {slug}");
            }
        }

        Assert.Equal(overviewOne, await CountCommandsAsync(coordinator, "/coordinacion/panel"));
        Assert.Equal(exportOne, await CountCommandsAsync(coordinator, "/coordinacion/panel/exportar"));
    }

    private async Task<int> CountCommandsAsync(PortalClient client, string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode); // warm-up: sign-in checks and caches
        var commands = await factory.SqlCounter.RecordAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode));
        return commands.Count;
    }
}
