using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class DeliverableRevisionConfiguration : IEntityTypeConfiguration<DeliverableRevision>
{
    public void Configure(EntityTypeBuilder<DeliverableRevision> builder)
    {
        builder.HasOne(r => r.Deliverable).WithMany(d => d.Revisions).HasForeignKey(r => r.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.DeliverableId, r.Number }).IsUnique();
        builder.HasIndex(r => r.AuthorId);
    }
}
