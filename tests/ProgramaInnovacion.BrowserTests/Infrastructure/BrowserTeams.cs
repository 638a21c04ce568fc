using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.BrowserTests.Infrastructure;

/// <summary>Teams of a test's own, so journeys that change state leave the demo as seeded.</summary>
public static class BrowserTeams
{
    /// <summary>A municipality of its own in the demo edition in course, its stage 1 open, and a team member.</summary>
    public static async Task<(int ProjectId, string Email)> NewTeamAsync(BrowserFixture browser, string name)
    {
        var slug = "navegador" + Guid.NewGuid().ToString("N")[..8];
        var factory = browser.Factory;
        await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Stages).SingleAsync(e => e.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName);
            var municipality = new Municipality { Name = name + " " + slug[^4..], Province = "Buenos Aires", Slug = slug };
            db.Projects.Add(ProjectFactory.Create(edition, municipality, factory.Time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        var email = slug + "@programa.example";
        await factory.CreateUserAsync(email, Roles.MunicipalTeam, slug);
        var projectId = await factory.WithDbAsync(db => db.Projects.Where(p => p.Municipality.Slug == slug).Select(p => p.Id).SingleAsync());
        return (projectId, email);
    }
}
