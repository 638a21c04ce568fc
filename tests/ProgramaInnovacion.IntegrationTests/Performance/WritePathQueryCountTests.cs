using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramaInnovacion.IntegrationTests.Performance;

/// <summary>
/// Saving a draft and submitting a stage cost the same SQL commands whether the team account
/// belongs to five projects or to forty (issue 14: at 500 the save sent 42 commands, one per project).
/// </summary>
public class WritePathQueryCountTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DraftSaveAndSubmit_SendTheSameSqlCommands_WithFiveOrFortyProjects()
    {
        var small = await MeasureAsync(projects: 5, seed: 15);
        var large = await MeasureAsync(projects: 40, seed: 16);

        foreach (var (step, commands) in small.Concat(large))
        {
            output.WriteLine($"{step}: {commands.Count}\n  " + string.Join("\n  ", commands.Select(c => c.ReplaceLineEndings(" "))));
        }

        var table = string.Join("\n", small.Keys.Select(step => $"{step}: {small[step].Count} con 5 proyectos, {large[step].Count} con 40"));
        Assert.True(small.All(s => s.Value.Count == large[s.Key].Count), "Comandos SQL por escritura:\n" + table);
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> MeasureAsync(int projects, int seed)
    {
        await using (var scope = factory.CreateScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<SyntheticEditionSeeder>().SeedAsync(new SyntheticEditionOptions(projects, 1, seed)));
        }

        var email = SyntheticEditionSeeder.TeamEmail(seed, 0);
        var (draftUrl, submitUrl) = await factory.WithDbAsync(async db =>
        {
            // One team account in every project of the edition, as a coordinator-turned-member or a provincial team would be.
            var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var editionName = SyntheticEditionSeeder.EditionName(new SyntheticEditionOptions(projects, 1, seed));
            var others = await db.Projects.Where(p => p.Edition.Name == editionName && !p.Members.Any(m => m.UserId == user)).ToListAsync();
            db.ProjectMembers.AddRange(others.Select(p => new ProjectMember { ProjectId = p.Id, UserId = user, JoinedAtUtc = p.CreatedAtUtc }));

            // Two stages the team can hand in: one for a draft, one (content already handed in once) to submit again.
            var stages = await db.ProjectStages.Include(s => s.StageDefinition)
                .Where(s => s.Project.Edition.Name == editionName && s.StageDefinition.HasTeamForm && s.Deliverable != null
                    && s.Deliverable.Revisions.Any(r => r.Kind == RevisionKind.Submission) && s.State == StageState.Approved)
                .OrderBy(s => s.Id).Take(2).ToListAsync();
            foreach (var stage in stages)
            {
                db.ForceState(stage, StageState.ChangesRequested);
            }

            await db.SaveChangesAsync();
            return ($"/proyectos/{stages[0].ProjectId}/etapas/{stages[0].StageDefinition.Key}", $"/proyectos/{stages[1].ProjectId}/etapas/{stages[1].StageDefinition.Key}");
        });

        using var team = factory.CreatePortalClient();
        await team.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await team.Http.GetAsync(draftUrl)).StatusCode); // warm-up: sign-in checks and caches
        return new Dictionary<string, IReadOnlyList<string>>
        {
            ["guardar borrador"] = await PostAsync(team, draftUrl, "/guardar", HttpStatusCode.Redirect),
            ["entregar"] = await PostAsync(team, submitUrl, "/entregar", HttpStatusCode.Redirect, new() { ["confirmado"] = "true" }),
        };
    }

    private async Task<IReadOnlyList<string>> PostAsync(PortalClient client, string stageUrl, string action, HttpStatusCode expected, Dictionary<string, string>? values = null)
    {
        var page = await client.GetPageAsync(stageUrl);
        var fields = PortalClient.FormFields(page, "#form-entregable", values);
        return await factory.SqlCounter.RecordAsync(async () =>
        {
            var response = await client.Http.PostAsync(stageUrl + action, new FormUrlEncodedContent(fields));
            Assert.Equal(expected, response.StatusCode);
        });
    }
}
