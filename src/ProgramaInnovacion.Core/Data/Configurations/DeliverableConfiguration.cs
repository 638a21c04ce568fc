using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> builder)
    {
        builder.HasOne(d => d.ProjectStage).WithOne(s => s.Deliverable).HasForeignKey<Deliverable>(d => d.ProjectStageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.ProjectStageId).IsUnique();
        // A plain integer token works the same on SQLite and PostgreSQL (no rowversion/xmin split).
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.UpdatedBy).WithMany().HasForeignKey(d => d.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
