using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class PanelAssignmentConfiguration : IEntityTypeConfiguration<PanelAssignment>
{
    public void Configure(EntityTypeBuilder<PanelAssignment> builder)
    {
        builder.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Expert).WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AssignedBy).WithMany().HasForeignKey(a => a.AssignedById).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.DeclineReason).HasMaxLength(2000);
        // One assignment per expert and project; "my assignments" is asked on every expert page.
        builder.HasIndex(a => new { a.ProjectId, a.ExpertId }).IsUnique();
        builder.HasIndex(a => a.ExpertId);
    }
}
