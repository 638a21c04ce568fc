using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class AllianceOrganizationConfiguration : IEntityTypeConfiguration<AllianceOrganization>
{
    public void Configure(EntityTypeBuilder<AllianceOrganization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}
