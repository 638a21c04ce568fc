using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class NetworkCommentConfiguration : IEntityTypeConfiguration<NetworkComment>
{
    public void Configure(EntityTypeBuilder<NetworkComment> builder)
    {
        builder.Property(c => c.BodyMarkdown).HasMaxLength(5000);
        builder.HasOne(c => c.Post).WithMany(p => p.Comments).HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PostId, c.CreatedAtUtc });
        builder.HasIndex(c => c.AuthorId);
    }
}
