using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Configurations;

public class MentorAssignmentConfiguration : IEntityTypeConfiguration<MentorAssignment>
{
    public void Configure(EntityTypeBuilder<MentorAssignment> builder)
    {
        builder.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Mentor).WithMany().HasForeignKey(a => a.MentorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.StageDefinition).WithMany().HasForeignKey(a => a.StageDefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MentorId, a.ProjectId });
        builder.HasIndex(a => a.ProjectId);
    }
}

public class MentorVisitConfiguration : IEntityTypeConfiguration<MentorVisit>
{
    public void Configure(EntityTypeBuilder<MentorVisit> builder)
    {
        builder.HasKey(v => v.MentorId);
        builder.HasOne(v => v.Mentor).WithMany().HasForeignKey(v => v.MentorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CoordinatorEditionConfiguration : IEntityTypeConfiguration<CoordinatorEdition>
{
    public void Configure(EntityTypeBuilder<CoordinatorEdition> builder)
    {
        builder.HasKey(c => new { c.UserId, c.EditionId });
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Edition).WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.EditionId);
    }
}

public class SessionTeamConfiguration : IEntityTypeConfiguration<SessionTeam>
{
    public void Configure(EntityTypeBuilder<SessionTeam> builder)
    {
        builder.HasKey(t => new { t.SessionId, t.ProjectId });
        builder.HasOne(t => t.Session).WithMany(s => s.Teams).HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Project).WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ProjectId);
    }
}

public class SessionSpecialistConfiguration : IEntityTypeConfiguration<SessionSpecialist>
{
    public void Configure(EntityTypeBuilder<SessionSpecialist> builder)
    {
        builder.HasKey(t => new { t.SessionId, t.UserId });
        builder.HasOne(t => t.Session).WithMany(s => s.Specialists).HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.HasKey(a => new { a.SessionId, a.UserId });
        builder.HasOne(a => a.Session).WithMany(s => s.Attendance).HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ProjectId);
    }
}
