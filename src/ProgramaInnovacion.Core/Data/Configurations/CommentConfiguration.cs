using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.BodyMarkdown).HasMaxLength(10000);
        builder.HasOne(c => c.Deliverable).WithMany(d => d.Comments).HasForeignKey(c => c.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.DeliverableId, c.CreatedAtUtc });
        builder.HasIndex(c => c.AuthorId);
    }
}
