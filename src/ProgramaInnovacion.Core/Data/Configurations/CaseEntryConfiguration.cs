using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> builder)
    {
        builder.Property(c => c.MunicipalityName).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Summary).HasMaxLength(2000);
        builder.Property(c => c.Body).HasMaxLength(20000);
        builder.Property(c => c.City).HasMaxLength(200);
        builder.Property(c => c.Country).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.Results).HasMaxLength(2000);
        builder.Property(c => c.Lessons).HasMaxLength(5000);
        builder.Property(c => c.SourceUrl).HasMaxLength(1000);
        builder.HasOne(c => c.ProjectStage).WithMany().HasForeignKey(c => c.ProjectStageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ProjectStageId, c.RowIndex });
        // Browsing without words lists by edition and title, filtered by category and source.
        builder.HasIndex(c => new { c.EditionId, c.Title });
        builder.HasIndex(c => c.MunicipalityCategory);
    }
}
