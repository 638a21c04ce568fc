using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class ProjectStageConfiguration : IEntityTypeConfiguration<ProjectStage>
{
    public void Configure(EntityTypeBuilder<ProjectStage> builder)
    {
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Project).WithMany(p => p.Stages).HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.StageDefinition).WithMany().HasForeignKey(s => s.StageDefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ProjectId, s.StageDefinitionId }).IsUnique();
        // The review queue and the dashboard count stages by state.
        builder.HasIndex(s => new { s.State, s.StateChangedAtUtc });
        builder.HasIndex(s => s.StageDefinitionId);
    }
}
