using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.Level1Label).HasMaxLength(200);
        builder.Property(c => c.Level2Label).HasMaxLength(200);
        builder.Property(c => c.Level3Label).HasMaxLength(200);
        builder.Property(c => c.Level4Label).HasMaxLength(200);
        builder.Property(c => c.Level5Label).HasMaxLength(200);
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.EditionId, c.Name }).IsUnique();
    }
}
