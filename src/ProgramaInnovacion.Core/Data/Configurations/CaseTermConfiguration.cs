using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class CaseTermConfiguration : IEntityTypeConfiguration<CaseTerm>
{
    public void Configure(EntityTypeBuilder<CaseTerm> builder)
    {
        // The primary key (Term, CaseEntryId) is the index a search walks: term first.
        builder.HasKey(t => new { t.Term, t.CaseEntryId });
        builder.Property(t => t.Term).HasMaxLength(64);
        builder.HasOne(t => t.CaseEntry).WithMany(c => c.Terms).HasForeignKey(t => t.CaseEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.CaseEntryId);
    }
}
