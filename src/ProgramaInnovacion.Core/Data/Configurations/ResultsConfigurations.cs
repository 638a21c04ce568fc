using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class FollowUpIndicatorConfiguration : IEntityTypeConfiguration<FollowUpIndicator>
{
    public void Configure(EntityTypeBuilder<FollowUpIndicator> builder)
    {
        builder.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ProjectId, i.Position }).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Unit).HasMaxLength(60);
        builder.Property(i => i.BaselineText).HasMaxLength(200);
        builder.Property(i => i.TargetText).HasMaxLength(200);
        builder.Property(i => i.Verification).HasMaxLength(300);
        builder.Property(i => i.Baseline).HasPrecision(18, 4);
        builder.Property(i => i.Target).HasPrecision(18, 4);
    }
}

public class IndicatorMeasurementConfiguration : IEntityTypeConfiguration<IndicatorMeasurement>
{
    public void Configure(EntityTypeBuilder<IndicatorMeasurement> builder)
    {
        builder.HasOne(m => m.Indicator).WithMany(i => i.Measurements).HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.RecordedBy).WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.IndicatorId, m.MeasuredOn });
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Note).HasMaxLength(1000);
    }
}

public class FollowUpActivityConfiguration : IEntityTypeConfiguration<FollowUpActivity>
{
    public void Configure(EntityTypeBuilder<FollowUpActivity> builder)
    {
        builder.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.UpdatedBy).WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.ProjectId, a.Position }).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(1000);
    }
}

public class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> builder)
    {
        builder.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Municipality).WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ProjectId);
        builder.HasIndex(a => a.MunicipalityId);
        builder.Property(a => a.Contact).HasMaxLength(300);
        builder.Property(a => a.Note).HasMaxLength(1000);
    }
}

public class ShowcasePublicationConfiguration : IEntityTypeConfiguration<ShowcasePublication>
{
    public void Configure(EntityTypeBuilder<ShowcasePublication> builder)
    {
        builder.HasKey(p => p.ProjectId);
        builder.HasOne(p => p.Project).WithOne().HasForeignKey<ShowcasePublication>(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.TeamConsent).HasMaxLength(500);
    }
}
