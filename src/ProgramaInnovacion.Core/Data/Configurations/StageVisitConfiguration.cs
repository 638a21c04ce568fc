using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class StageVisitConfiguration : IEntityTypeConfiguration<StageVisit>
{
    public void Configure(EntityTypeBuilder<StageVisit> builder)
    {
        builder.HasKey(v => new { v.UserId, v.ProjectStageId });
        builder.HasOne(v => v.User).WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.ProjectStage).WithMany().HasForeignKey(v => v.ProjectStageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.ProjectStageId);
    }
}
