using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class NetworkPostConfiguration : IEntityTypeConfiguration<NetworkPost>
{
    public void Configure(EntityTypeBuilder<NetworkPost> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.BodyMarkdown).HasMaxLength(10000);
        builder.HasOne(p => p.Edition).WithMany().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Project).WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.StageDefinition).WithMany().HasForeignKey(p => p.StageDefinitionId).OnDelete(DeleteBehavior.SetNull);
        // The feed lists an edition's posts, pinned first, newest first.
        builder.HasIndex(p => new { p.EditionId, p.IsPinned, p.CreatedAtUtc });
        builder.HasIndex(p => p.AuthorId);
        builder.HasIndex(p => p.ProjectId);
        builder.HasIndex(p => p.StageDefinitionId);
    }
}
