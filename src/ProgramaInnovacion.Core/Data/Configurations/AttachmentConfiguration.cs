using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FieldKey).HasMaxLength(60);
        builder.Property(a => a.OriginalFileName).HasMaxLength(255);
        builder.Property(a => a.StoredName).HasMaxLength(100);
        builder.Property(a => a.ContentType).HasMaxLength(150);
        builder.HasOne(a => a.Deliverable).WithMany(d => d.Attachments).HasForeignKey(a => a.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.UploadedBy).WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.DeliverableId);
        builder.HasIndex(a => a.StoredName).IsUnique();
        builder.HasIndex(a => a.UploadedById);
    }
}
