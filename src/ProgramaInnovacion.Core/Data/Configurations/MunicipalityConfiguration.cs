using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Province).HasMaxLength(100);
        builder.Property(m => m.Slug).HasMaxLength(100);
        builder.HasIndex(m => new { m.Name, m.Province }).IsUnique();
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.OfficialCode).HasMaxLength(20);
        builder.HasIndex(m => m.OfficialCode).IsUnique();
    }
}
