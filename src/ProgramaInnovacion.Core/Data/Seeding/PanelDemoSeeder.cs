using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// Demo panel of the edition in course: both demo experts assigned to Tandil (final project approved, panel open), with
/// their conflict-of-interest declarations pending. Only when Tandil has no assignment yet, so
/// seeding twice adds nothing and a coordinator's changes are not undone on restart.
/// </summary>
public class PanelDemoSeeder(AppDbContext db, TimeProvider time)
{
    public static IReadOnlyList<string> ExpertEmails { get; } = ["experta1@programa.example", "experto2@programa.example"];

    public const string ProjectSlug = "tandil";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var projectId = await db.Projects
            .Where(p => p.Municipality.Slug == ProjectSlug && p.Edition.Name == DemoSeeder.CurrentEditionName)
            .Select(p => (int?)p.Id)
            .SingleOrDefaultAsync(ct);
        if (projectId is null || await db.PanelAssignments.AnyAsync(a => a.ProjectId == projectId, ct))
        {
            return;
        }

        var experts = await db.Users.Where(u => ExpertEmails.Contains(u.Email!)).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(ct);
        var coordinatorId = await db.Users.Where(u => u.Email == DemoSeeder.CoordinatorEmail).Select(u => u.Id).SingleOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var expertId in experts)
        {
            db.PanelAssignments.Add(new PanelAssignment
            {
                ProjectId = projectId.Value,
                ExpertId = expertId,
                AssignedById = coordinatorId,
                AssignedAtUtc = now.AddDays(-1),
                Declaration = ConflictDeclaration.Pending,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
