using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// Seeds the reference data every installation needs — roles and the alliance organisations — and
/// keeps older editions' stage roles. The default methodology template and rubric live in code
/// (DefaultStageTemplate, RubricSeeder.DefaultCriteria) and become an edition's when an
/// administrator creates one. No edition, municipality or project: those are the program's own data
/// (or the demo's, DemoSeeder). Running it again adds nothing.
/// </summary>
public class ProgramSeeder(AppDbContext db, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public async Task SeedReferenceDataAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"rol {role}");
            }
        }

        var existingOrgs = await db.AllianceOrganizations.Select(o => o.Name).ToListAsync(ct);
        db.AllianceOrganizations.AddRange(ReferenceData.Organizations
            .Where(o => !existingOrgs.Contains(o.Name))
            .Select(o => new AllianceOrganization { Name = o.Name, Sector = o.Sector, Website = o.Website, Description = o.Description }));
        await db.SaveChangesAsync(ct);

        await AssignDefaultRolesAsync(ct);
        await new CategoryBandSeeder(db).SeedAsync(ct);
        await new KnowledgeSeeder(db, time).SeedReferenceAsync(ct);
        await new ResultsDataStep(db).RunAsync(ct);
    }

    /// <summary>
    /// Gives the stages of editions created before stage roles existed the role of the default
    /// template's stage with the same key. Only editions where no stage has a role yet are touched,
    /// so a role an administrator later removes or moves is never put back at the next start-up.
    /// </summary>
    private async Task AssignDefaultRolesAsync(CancellationToken ct)
    {
        var roleByKey = DefaultStageTemplate.Stages.ToDictionary(t => t.Key, t => t.Role);
        var keys = roleByKey.Keys.ToList();
        var stages = await db.StageDefinitions
            .Where(s => s.Role == null && keys.Contains(s.Key) && !db.StageDefinitions.Any(other => other.EditionId == s.EditionId && other.Role != null))
            .ToListAsync(ct);
        foreach (var stage in stages)
        {
            stage.Role = roleByKey[stage.Key];
        }

        await db.SaveChangesAsync(ct);
    }

    internal static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"No se pudo crear {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
