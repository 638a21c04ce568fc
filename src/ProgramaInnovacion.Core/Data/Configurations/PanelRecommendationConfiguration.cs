using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class PanelRecommendationConfiguration : IEntityTypeConfiguration<PanelRecommendation>
{
    public void Configure(EntityTypeBuilder<PanelRecommendation> builder)
    {
        builder.HasOne(r => r.Evaluation).WithMany(e => e.Recommendations).HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Text).HasMaxLength(4000);
    }
}

public class RecommendationResponseConfiguration : IEntityTypeConfiguration<RecommendationResponse>
{
    public void Configure(EntityTypeBuilder<RecommendationResponse> builder)
    {
        builder.HasOne(r => r.Recommendation).WithOne(r => r.Response).HasForeignKey<RecommendationResponse>(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.RecommendationId).IsUnique();
        builder.Property(r => r.Action).HasMaxLength(4000);
        builder.Property(r => r.FollowUpNote).HasMaxLength(4000);
        builder.HasOne(r => r.RespondedBy).WithMany().HasForeignKey(r => r.RespondedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.FollowUpBy).WithMany().HasForeignKey(r => r.FollowUpById).OnDelete(DeleteBehavior.SetNull);
    }
}

public class PanelPublicationConfiguration : IEntityTypeConfiguration<PanelPublication>
{
    public void Configure(EntityTypeBuilder<PanelPublication> builder)
    {
        builder.HasOne(p => p.Project).WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.ProjectId).IsUnique();
        builder.HasOne(p => p.PublishedBy).WithMany().HasForeignKey(p => p.PublishedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.ClosedBy).WithMany().HasForeignKey(p => p.ClosedById).OnDelete(DeleteBehavior.SetNull);
    }
}
