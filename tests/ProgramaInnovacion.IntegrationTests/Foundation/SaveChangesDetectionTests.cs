using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// A save detects the tracked entities' changes once (issue 14: the demo seed's CPU), and what it
/// adds on its own — the version of a versioned row, the edition's progress stamp — still follows a
/// plain property assignment.
/// </summary>
public class SaveChangesDetectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Save_DetectsChangesOnce_AndAnAssignedDueDateRaisesTheVersionAndTheEditionStamp(bool async)
    {
        var key = async ? "ideacion" : "prototipo";
        var before = await factory.WithDbAsync(db => db.StageDefinitions
            .Where(d => d.Edition.Name == DemoSeeder.CurrentEditionName && d.Key == key)
            .Select(d => new { d.Id, d.DueAtUtc, d.Version, d.Edition.ProgressStamp }).SingleAsync());

        var detections = await factory.WithDbAsync(async db =>
        {
            var definition = await db.StageDefinitions.SingleAsync(d => d.Id == before.Id);
            var count = 0;
            db.ChangeTracker.DetectedAllChanges += (_, _) => count++;
            definition.DueAtUtc = before.DueAtUtc!.Value.AddDays(1);
            if (async)
            {
                await db.SaveChangesAsync();
            }
            else
            {
                db.SaveChanges();
            }

            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
            return count;
        });

        Assert.Equal(1, detections);
        var after = await factory.WithDbAsync(db => db.StageDefinitions.Where(d => d.Id == before.Id)
            .Select(d => new { d.DueAtUtc, d.Version, d.Edition.ProgressStamp }).SingleAsync());
        Assert.Equal(before.DueAtUtc!.Value.AddDays(1), after.DueAtUtc);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.NotEqual(before.ProgressStamp, after.ProgressStamp);
    }
}
