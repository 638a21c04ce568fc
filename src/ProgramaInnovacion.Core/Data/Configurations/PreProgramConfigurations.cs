using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class CategoryBandConfiguration : IEntityTypeConfiguration<CategoryBand>
{
    public void Configure(EntityTypeBuilder<CategoryBand> builder) => builder.HasIndex(b => b.Category).IsUnique();
}

public class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => c.EditionId).IsUnique();
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SurveyDimensionConfiguration : IEntityTypeConfiguration<SurveyDimension>
{
    public void Configure(EntityTypeBuilder<SurveyDimension> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasOne(d => d.Campaign).WithMany(c => c.Dimensions).HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(500);
        builder.HasOne(q => q.Dimension).WithMany(d => d.Questions).HasForeignKey(q => q.DimensionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        // One response per municipality and campaign: two first saves at once cannot make two.
        builder.HasIndex(r => new { r.CampaignId, r.MunicipalityId }).IsUnique();
        builder.HasOne(r => r.Campaign).WithMany(c => c.Responses).HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Municipality).WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        builder.HasOne(a => a.Response).WithMany(r => r.Answers).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ApplicationCallConfiguration : IEntityTypeConfiguration<ApplicationCall>
{
    public void Configure(EntityTypeBuilder<ApplicationCall> builder)
    {
        builder.HasIndex(c => c.EditionId).IsUnique();
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> builder)
    {
        builder.Property(a => a.ContactName).HasMaxLength(200);
        builder.Property(a => a.ContactEmail).HasMaxLength(256);
        builder.Property(a => a.Challenge).HasMaxLength(4000);
        builder.Property(a => a.Motivation).HasMaxLength(4000);
        builder.Property(a => a.LetterStoredName).HasMaxLength(200);
        builder.Property(a => a.LetterFileName).HasMaxLength(255);
        builder.Property(a => a.LetterContentType).HasMaxLength(100);
        builder.Property(a => a.Justification).HasMaxLength(4000);
        // One application per municipality and call.
        builder.HasIndex(a => new { a.CallId, a.MunicipalityId }).IsUnique();
        builder.HasOne(a => a.Call).WithMany(c => c.Applications).HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Municipality).WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ApplicationMemberConfiguration : IEntityTypeConfiguration<ApplicationMember>
{
    public void Configure(EntityTypeBuilder<ApplicationMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(256);
        builder.HasOne(m => m.Application).WithMany(a => a.Members).HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SelectionCriterionConfiguration : IEntityTypeConfiguration<SelectionCriterion>
{
    public void Configure(EntityTypeBuilder<SelectionCriterion> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(1000);
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ApplicationScoreConfiguration : IEntityTypeConfiguration<ApplicationScore>
{
    public void Configure(EntityTypeBuilder<ApplicationScore> builder)
    {
        builder.Property(s => s.CoordinatorId).HasMaxLength(450);
        builder.HasIndex(s => new { s.ApplicationId, s.CriterionId, s.CoordinatorId }).IsUnique();
        builder.HasOne(s => s.Application).WithMany(a => a.Scores).HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Criterion).WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Coordinator).WithMany().HasForeignKey(s => s.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SelectionConfirmationConfiguration : IEntityTypeConfiguration<SelectionConfirmation>
{
    public void Configure(EntityTypeBuilder<SelectionConfirmation> builder)
    {
        builder.Property(c => c.ConfirmedById).HasMaxLength(450);
        builder.HasIndex(c => c.EditionId).IsUnique();
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
