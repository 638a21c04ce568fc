using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class CalendarSessionConfiguration : IEntityTypeConfiguration<CalendarSession>
{
    public void Configure(EntityTypeBuilder<CalendarSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Location).HasMaxLength(500);
        builder.Property(s => s.Description).HasMaxLength(5000);
        builder.HasOne(s => s.Edition).WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.EditionId, s.StartsAtUtc });
        builder.HasOne(s => s.StageDefinition).WithMany().HasForeignKey(s => s.StageDefinitionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.LedByOrganization).WithMany().HasForeignKey(s => s.LedByOrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
