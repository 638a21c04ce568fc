using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramaInnovacion.BrowserTests.Infrastructure;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Mentors;

[Collection(BrowserCollection.Name)]
public class MentorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Mentor_CommentsOnAnAssignedStage_FromTheirHome_AndTheTeamSeesTheCommentLabelled()
    {
        // Bariloche's approved challenge: delivered work its AWS mentor reads.
        var (projectId, key) = await browser.Factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Where(s => s.Project.Municipality.Slug == "bariloche" && s.Project.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName && s.StageDefinition.Role == StageRole.Challenge)
                .Select(s => new { s.ProjectId, s.StageDefinition.Key, s.State }).SingleAsync();
            Assert.Equal(StageState.Approved, stage.State);
            return (stage.ProjectId, stage.Key);
        });
        var stageUrl = $"/proyectos/{projectId}/etapas/{key}";

        await using var mentor = await browser.NewSessionAsync();
        await mentor.SignInAsync(MentorDemoSeeder.AwsMentorEmail);
        await Assertions.Expect(mentor.Page.Locator("h1")).ToHaveTextAsync("Mis proyectos como mentor");
        await mentor.AssertNoSeriousA11yViolationsAsync();
        await VisibleLayout.SaveScreenshotAsync(mentor.Page, "mentor-inicio");
        var barilocheSection = mentor.Page.Locator("main section").Filter(new() { HasText = "Bariloche" });
        var link = barilocheSection.Locator($"a[href='{stageUrl}']");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(mentor.Page.Locator("main section").Filter(new() { HasText = "Jesús María" })).ToHaveCountAsync(0);
        await link.ClickAsync();
        await mentor.Page.WaitForURLAsync(u => u.EndsWith(stageUrl, StringComparison.Ordinal));

        var box = mentor.Page.GetByLabel("Nuevo comentario");
        await Assertions.Expect(box).ToBeVisibleAsync();
        await box.FillAsync("Desde AWS: conviene medir cuántos trámites se completan en línea desde el primer día.");
        await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Publicar comentario" }).ClickAsync();
        await Assertions.Expect(mentor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Comentario publicado.");
        await mentor.AssertNoSeriousA11yViolationsAsync();

        await using var team = await browser.NewSessionAsync();
        await team.SignInAsync("bariloche@programa.example");
        await team.GotoAsync(stageUrl);
        var comment = team.Page.Locator("#comentarios li").Filter(new() { HasText = "Desde AWS: conviene medir" });
        await Assertions.Expect(comment).ToBeVisibleAsync();
        var label = comment.Locator(".mentor-label");
        await Assertions.Expect(label).ToBeVisibleAsync();
        await Assertions.Expect(label).ToHaveTextAsync("Mentoría · AWS");
        await Assertions.Expect(comment).ToContainTextAsync("Lucía Fernández");
        var labelBox = await label.BoundingBoxAsync();
        Assert.NotNull(labelBox);
        Assert.True(labelBox.X >= 0 && labelBox.X + labelBox.Width <= team.Page.ViewportSize!.Width, "La etiqueta de mentoría se sale de la ventana.");
        await team.AssertNoSeriousA11yViolationsAsync();
    }
}
