using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class ProgramEditionConfiguration : IEntityTypeConfiguration<ProgramEdition>
{
    public void Configure(EntityTypeBuilder<ProgramEdition> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Theme).HasMaxLength(200);
        builder.HasIndex(e => e.Name).IsUnique();
        builder.HasIndex(e => e.StartsAtUtc);
        // Editions that existed before the life cycle were running: the column's default says so
        // for them; the sentinel no value takes makes EF always write the phase of a new edition.
        builder.Property(e => e.Phase).HasDefaultValue(EditionPhase.Running).HasSentinel((EditionPhase)(-1));
    }
}
