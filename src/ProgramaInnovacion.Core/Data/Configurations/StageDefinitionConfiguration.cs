using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class StageDefinitionConfiguration : IEntityTypeConfiguration<StageDefinition>
{
    public void Configure(EntityTypeBuilder<StageDefinition> builder)
    {
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Key).HasMaxLength(60);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.GuidingQuestions).HasMaxLength(4000);
        builder.HasOne(s => s.Edition).WithMany(e => e.Stages).HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.EditionId, s.Key }).IsUnique();
        builder.HasIndex(s => new { s.EditionId, s.Order }).IsUnique();
        // Each role at most once per edition; stages without a role (null) never collide.
        builder.HasIndex(s => new { s.EditionId, s.Role }).IsUnique();
    }
}
