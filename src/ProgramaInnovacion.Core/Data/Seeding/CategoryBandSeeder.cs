using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>The default population bands of the municipality categories, once (administrators may change them afterwards).</summary>
public class CategoryBandSeeder(AppDbContext db)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.CategoryBands.AnyAsync(ct))
        {
            return;
        }

        db.CategoryBands.AddRange(CategoryBands.Defaults());
        await db.SaveChangesAsync(ct);
    }
}
