using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.HasOne(p => p.Edition).WithMany(e => e.Projects).HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Municipality).WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.EditionId, p.MunicipalityId }).IsUnique();
        builder.HasIndex(p => p.MunicipalityId);
    }
}
