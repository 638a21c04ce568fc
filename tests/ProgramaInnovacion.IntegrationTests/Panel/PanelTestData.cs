using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Panel;

/// <summary>Arranges panel data straight in the database, so each test owns its experts and projects.</summary>
internal static class PanelTestData
{
    public static Task<int> ProjectIdAsync(this PortalFactory factory, string slug) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync());

    /// <summary>Opens the project's panel as if its final project had just been approved.</summary>
    public static Task OpenPanelAsync(this PortalFactory factory, int projectId) =>
        factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.SingleAsync(s => s.ProjectId == projectId && s.StageDefinition.Role == StageRole.ExpertPanel);
            if (stage.State == StageState.Locked)
            {
                stage.Apply(StageAction.Open, WorkflowActor.System, null, factory.Time.GetUtcNow().UtcDateTime);
            }
            await db.SaveChangesAsync();
        });

    public static async Task<AppUser> NewExpertAsync(this PortalFactory factory, string name)
    {
        // Identity user names are e-mails: letters without accents, no spaces ("Fabián Sigue" → fabian.sigue@…).
        var key = new string(name.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAsciiLetter(c) || c == ' ').ToArray()).Replace(' ', '.').ToLowerInvariant();
        var user = await factory.CreateUserAsync($"{key}@experto.example", Roles.Expert);
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.DisplayName = name;
            await db.SaveChangesAsync();
        });
        return user;
    }

    public static Task<int> AssignAsync(this PortalFactory factory, int projectId, string expertId, ConflictDeclaration declaration = ConflictDeclaration.NoConflict) =>
        factory.WithDbAsync(async db =>
        {
            var assignment = new PanelAssignment { ProjectId = projectId, ExpertId = expertId, AssignedAtUtc = factory.Time.GetUtcNow().UtcDateTime, Declaration = declaration };
            db.PanelAssignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    /// <summary>A submitted evaluation scoring every criterion with <paramref name="score"/>, one comment and one recommendation.</summary>
    public static Task<int> SubmitEvaluationAsync(this PortalFactory factory, int assignmentId, int score, string comment, string recommendation) =>
        factory.WithDbAsync(async db =>
        {
            var editionId = await db.PanelAssignments.Where(a => a.Id == assignmentId).Select(a => a.Project.EditionId).SingleAsync();
            var criteria = await db.RubricCriteria.Where(c => c.EditionId == editionId).Select(c => c.Id).ToListAsync();
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var evaluation = new PanelEvaluation
            {
                AssignmentId = assignmentId,
                Status = EvaluationStatus.Submitted,
                SubmittedAtUtc = now,
                UpdatedAtUtc = now,
                Scores = criteria.Select(id => new EvaluationScore { CriterionId = id, Score = score, Comment = comment }).ToList(),
                Recommendations = [new PanelRecommendation { Category = RecommendationCategory.Technical, Priority = RecommendationPriority.High, Text = recommendation, CreatedAtUtc = now }],
            };
            db.PanelEvaluations.Add(evaluation);
            await db.SaveChangesAsync();
            return evaluation.Recommendations[0].Id;
        });

    /// <summary>Answers the confirmation step of an irreversible action (the page in <paramref name="confirmation"/>) with its main button.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this PortalClient client, HttpResponseMessage confirmation, string url, Dictionary<string, string>? button = null)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, confirmation.StatusCode);
        var page = await PortalClient.ParseAsync(confirmation);
        Assert.NotNull(page.QuerySelector("form.confirm-step"));
        return await client.SubmitFormAsync(page, "form.confirm-step", button ?? [], url);
    }

    public static Task PublishAsync(this PortalFactory factory, int projectId) =>
        factory.WithDbAsync(async db =>
        {
            db.PanelPublications.Add(new PanelPublication { ProjectId = projectId, PublishedAtUtc = factory.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
}
