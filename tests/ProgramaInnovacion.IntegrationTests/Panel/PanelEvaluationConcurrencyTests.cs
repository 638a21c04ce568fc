using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>An evaluation changed in two places at once: its version token keeps the first change and refuses the second.</summary>
public class PanelEvaluationConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> AllScores(int score, string comment)
    {
        var values = new Dictionary<string, string> { ["Command"] = "guardar" };
        for (var i = 0; i < 6; i++)
        {
            values[$"Scores[{i}].Score"] = score.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values[$"Scores[{i}].Comment"] = comment;
        }

        return values;
    }

    private Task<List<string?>> CommentsAsync(int assignmentId) =>
        factory.WithDbAsync(db => db.EvaluationScores.Where(s => s.Evaluation.AssignmentId == assignmentId).OrderBy(s => s.CriterionId).Select(s => s.Comment).ToListAsync());

    [Fact]
    public async Task TwoSavesOfOneEvaluationAtOnce_TheSecondIsAConcurrencyConflict_AndTheFirstStays()
    {
        var project = await factory.ProjectIdAsync("bariloche");
        await factory.OpenPanelAsync(project);
        var expert = await factory.NewExpertAsync("Reabierta Dos Veces");
        var assignment = await factory.AssignAsync(project, expert.Id);
        await factory.SubmitEvaluationAsync(assignment, 3, "Sólido", "Medir resultados");
        await using var first = factory.CreateScope();
        await using var second = factory.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        // Both have read the submitted evaluation before either saves.
        var mine = await firstDb.PanelEvaluations.SingleAsync(e => e.AssignmentId == assignment);
        var theirs = await secondDb.PanelEvaluations.SingleAsync(e => e.AssignmentId == assignment);

        mine.Status = EvaluationStatus.Draft;
        await firstDb.SaveChangesAsync();
        theirs.UpdatedAtUtc = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(1);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());

        Assert.Equal(EvaluationStatus.Draft, await factory.WithDbAsync(db => db.PanelEvaluations.Where(e => e.AssignmentId == assignment).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task SavingAnEvaluationSavedMeanwhileInAnotherTab_ShowsTheConflictMessage_KeepsTheTypedValues_AndOverwritesNothing()
    {
        var project = await factory.ProjectIdAsync("jesusmaria");
        await factory.OpenPanelAsync(project);
        var expert = await factory.NewExpertAsync("Dos Pestanas");
        var assignment = await factory.AssignAsync(project, expert.Id);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("dos.pestanas@experto.example");
        var url = $"/panel/proyectos/{project}/evaluacion";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, "#form-evaluacion", AllScores(3, "Primer borrador"))).StatusCode);
        // The other tab's save lands after this request read the evaluation and before it saves.
        factory.Race.Arm<PanelEvaluation>(() => factory.WithDbAsync(async db =>
        {
            var evaluation = await db.PanelEvaluations.Include(e => e.Scores).SingleAsync(e => e.AssignmentId == assignment);
            evaluation.Scores.ForEach(s => s.Comment = "Lo que guardé en la otra pestaña");
            evaluation.UpdatedAtUtc = factory.Time.GetUtcNow().UtcDateTime.AddMinutes(1);
            await db.SaveChangesAsync();
        }));

        var response = await client.SubmitFormAsync(url, "#form-evaluacion", AllScores(4, "Lo que escribí acá"));

        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(ConcurrencyConflict.Message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lo que escribí acá", page.QuerySelector("#Scores_0__Comment")!.TextContent);
        Assert.All(await CommentsAsync(assignment), c => Assert.Equal("Lo que guardé en la otra pestaña", c));
    }
}
