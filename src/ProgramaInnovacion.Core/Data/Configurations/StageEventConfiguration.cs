using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class StageEventConfiguration : IEntityTypeConfiguration<StageEvent>
{
    public void Configure(EntityTypeBuilder<StageEvent> builder)
    {
        builder.Property(e => e.Comment).HasMaxLength(4000);
        builder.HasOne(e => e.ProjectStage).WithMany(s => s.Events).HasForeignKey(e => e.ProjectStageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.ProjectId, e.OccurredAtUtc });
        // The dashboard's "recent activity" reads the newest events across projects.
        builder.HasIndex(e => e.OccurredAtUtc);
        builder.HasIndex(e => e.ProjectStageId);
        builder.HasIndex(e => e.ActorId);
    }
}
