using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.IntegrationTests.Panel;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.IntegrationTests.Knowledge;

/// <summary>
/// The case library's read rule (CaseReaders), probed the way a person would: searching and opening
/// /biblioteca/{id}. Tandil's final project is approved and its panel open in the demo; each test
/// arranges the panel, the edition's sharing and the expert's declaration it needs first.
/// </summary>
public class CaseLibraryReadRuleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FinalProjectTitle = "Habilitación comercial 100 % en línea";

    private async Task<(int ProjectId, int FinalProjectCase, int CaseStudyCase)> ArrangeAsync(bool panelClosed, bool share = true)
    {
        var projectId = await factory.ProjectIdAsync("tandil");
        return await factory.WithDbAsync(async db =>
        {
            var panel = await db.ProjectStages.SingleAsync(s => s.ProjectId == projectId && s.StageDefinition.Role == StageRole.ExpertPanel);
            db.ForceState(panel, panelClosed ? StageState.Approved : StageState.Available);
            var edition = await db.Editions.SingleAsync(e => e.Projects.Any(p => p.Id == projectId));
            edition.ShareApprovedDeliverables = share;
            await db.SaveChangesAsync();
            var cases = db.CaseEntries.Where(c => c.ProjectStage.ProjectId == projectId);
            return (projectId,
                await cases.Where(c => c.Source == CaseSource.FinalProject).Select(c => c.Id).SingleAsync(),
                await cases.Where(c => c.Source == CaseSource.CaseStudy).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        });
    }

    private async Task<PortalClient> ExpertAsync(int projectId, ConflictDeclaration? declaration)
    {
        var expert = await factory.NewExpertAsync($"Experta {Guid.NewGuid():N}"[..20]);
        if (declaration is { } declared)
        {
            await factory.AssignAsync(projectId, expert.Id, declared);
        }

        var client = factory.CreatePortalClient();
        await client.SignInAsync(expert.Email!);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(PortalClient client, string url) => (await client.Http.GetAsync(url)).StatusCode;

    [Fact]
    public async Task AnExpertWhoDeclaredAConflict_NeitherFindsNorOpensTheProjectsCases_EvenOncePublished()
    {
        var (projectId, finalProject, caseStudy) = await ArrangeAsync(panelClosed: true);
        using var expert = await ExpertAsync(projectId, ConflictDeclaration.Declined);

        Assert.DoesNotContain(FinalProjectTitle, LibraryPage.ResultTitles(await expert.GetPageAsync("/biblioteca?q=habilitacion")));
        Assert.Empty(LibraryPage.ResultTitles(await expert.GetPageAsync("/biblioteca")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(expert, $"/biblioteca/{finalProject}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(expert, $"/biblioteca/{caseStudy}"));
        // The same answer as the project's own pages give them.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(expert, $"/proyectos/{projectId}"));

        // A team of the edition reads the same published case.
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("bariloche@programa.example");
        Assert.Contains(FinalProjectTitle, LibraryPage.ResultTitles(await team.GetPageAsync("/biblioteca?q=habilitacion")));
        await team.GetPageAsync($"/biblioteca/{finalProject}");
    }

    [Fact]
    public async Task AnExpertReadsOnlyWhatTheirAssignmentOpens()
    {
        var (projectId, finalProject, caseStudy) = await ArrangeAsync(panelClosed: false);
        using var declared = await ExpertAsync(projectId, ConflictDeclaration.NoConflict);
        using var pending = await ExpertAsync(projectId, ConflictDeclaration.Pending);
        using var unassigned = await ExpertAsync(projectId, declaration: null);

        // Declared no conflict: the final project (read on the panel anyway) and the project's case study.
        Assert.Contains(FinalProjectTitle, LibraryPage.ResultTitles(await declared.GetPageAsync("/biblioteca?q=habilitacion")));
        await declared.GetPageAsync($"/biblioteca/{caseStudy}");

        foreach (var expert in new[] { pending, unassigned })
        {
            Assert.Empty(LibraryPage.ResultTitles(await expert.GetPageAsync("/biblioteca")));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(expert, $"/biblioteca/{finalProject}"));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(expert, $"/biblioteca/{caseStudy}"));
        }
    }

    [Fact]
    public async Task AFinalProject_EntersTheLibraryOnlyOnceItsPanelIsClosed()
    {
        var (_, finalProject, caseStudy) = await ArrangeAsync(panelClosed: false);
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("bariloche@programa.example");

        Assert.DoesNotContain(FinalProjectTitle, LibraryPage.ResultTitles(await team.GetPageAsync("/biblioteca?q=habilitacion")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(team, $"/biblioteca/{finalProject}"));
        await team.GetPageAsync($"/biblioteca/{caseStudy}"); // an approved case study is shared at once

        await ArrangeAsync(panelClosed: true);
        Assert.Contains(FinalProjectTitle, LibraryPage.ResultTitles(await team.GetPageAsync("/biblioteca?q=habilitacion")));
        await team.GetPageAsync($"/biblioteca/{finalProject}");
    }

    [Fact]
    public async Task AnEditionThatDoesNotShare_KeepsItsCasesOutOfTheLibrary()
    {
        var (_, finalProject, caseStudy) = await ArrangeAsync(panelClosed: true, share: false);
        try
        {
            foreach (var email in new[] { "bariloche@programa.example", "coordinacion@programa.example" })
            {
                using var client = factory.CreatePortalClient();
                await client.SignInAsync(email);
                Assert.Empty(LibraryPage.ResultTitles(await client.GetPageAsync("/biblioteca?q=habilitacion")));
                Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/biblioteca/{finalProject}"));
                Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/biblioteca/{caseStudy}"));
            }
        }
        finally
        {
            await ArrangeAsync(panelClosed: false);
        }
    }

    [Fact]
    public async Task AReopenedStage_LeavesTheLibrary_UntilApprovedAgain()
    {
        var (projectId, _, caseStudy) = await ArrangeAsync(panelClosed: false);
        using var team = factory.CreatePortalClient();
        await team.SignInAsync("bariloche@programa.example");
        await team.GetPageAsync($"/biblioteca/{caseStudy}");

        await TransitionCaseStudyAsync(projectId, StageAction.Reopen);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(team, $"/biblioteca/{caseStudy}"));
        // The closed 2021 edition has Mendoza cases of its own: this entry's link is what must be gone.
        Assert.Null((await team.GetPageAsync("/biblioteca?q=mendoza")).QuerySelector($".case-results a[href='/biblioteca/{caseStudy}']"));

        await TransitionCaseStudyAsync(projectId, StageAction.Submit);
        await TransitionCaseStudyAsync(projectId, StageAction.Approve);
        // Approved again, the stage is indexed again (a new entry).
        var indexedAgain = await factory.WithDbAsync(db => db.CaseEntries.Where(c => c.ProjectStage.ProjectId == projectId && c.ProjectStage.StageDefinition.Role == StageRole.CaseStudy).Select(c => c.Id).FirstAsync());
        Assert.NotNull((await team.GetPageAsync("/biblioteca?q=mendoza")).QuerySelector($".case-results a[href='/biblioteca/{indexedAgain}']"));
    }

    private async Task TransitionCaseStudyAsync(int projectId, StageAction action)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
        var transitions = scope.ServiceProvider.GetRequiredService<StageTransitions>();
        var stage = await db.ProjectStages.SingleAsync(s => s.ProjectId == projectId && s.StageDefinition.Role == StageRole.CaseStudy);
        var actor = action == StageAction.Submit ? WorkflowActor.Team : WorkflowActor.Coordinator;
        var result = await transitions.ApplyAsync(stage, action, actor, null, action == StageAction.Reopen ? "Revisar las fuentes" : null);
        Assert.True(result.Allowed, result.Error);
        await db.SaveChangesAsync();
    }
}
