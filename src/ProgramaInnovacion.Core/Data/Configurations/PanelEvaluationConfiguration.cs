using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class PanelEvaluationConfiguration : IEntityTypeConfiguration<PanelEvaluation>
{
    public void Configure(EntityTypeBuilder<PanelEvaluation> builder)
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Assignment).WithOne(a => a.Evaluation).HasForeignKey<PanelEvaluation>(e => e.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.AssignmentId).IsUnique();
        builder.HasOne(e => e.ReopenedBy).WithMany().HasForeignKey(e => e.ReopenedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> builder)
    {
        builder.HasOne(s => s.Evaluation).WithMany(e => e.Scores).HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Criterion).WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Comment).HasMaxLength(4000);
        builder.HasIndex(s => new { s.EvaluationId, s.CriterionId }).IsUnique();
    }
}
