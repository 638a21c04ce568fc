using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Notifications;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.Property(n => n.LinkPath).HasMaxLength(500);
        builder.HasOne(n => n.Recipient).WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.RecipientId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.Digest, n.RecipientId });
    }
}

public class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.ClaimedBy).HasMaxLength(100);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasOne(e => e.Recipient).WithMany().HasForeignKey(e => e.RecipientId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAtUtc });
        builder.HasIndex(e => new { e.ProjectId, e.CreatedAtUtc });
    }
}

public class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.UserId, p.Category }).IsUnique();
    }
}

public class ScheduledSendConfiguration : IEntityTypeConfiguration<ScheduledSend>
{
    public void Configure(EntityTypeBuilder<ScheduledSend> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(200);
        builder.HasIndex(s => s.Key).IsUnique();
    }
}
