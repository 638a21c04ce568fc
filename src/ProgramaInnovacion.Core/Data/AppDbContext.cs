using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;

namespace ProgramaInnovacion.Core.Data;

/// <summary>The one unit of work of the app: domain, Identity and data-protection keys.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<ProgramEdition> Editions => Set<ProgramEdition>();

    public DbSet<AllianceOrganization> AllianceOrganizations => Set<AllianceOrganization>();

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    public DbSet<StageDefinition> StageDefinitions => Set<StageDefinition>();

    public DbSet<ProjectStage> ProjectStages => Set<ProjectStage>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    public DbSet<DeliverableRevision> DeliverableRevisions => Set<DeliverableRevision>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<StageEvent> StageEvents => Set<StageEvent>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<RubricCriterion> RubricCriteria => Set<RubricCriterion>();

    public DbSet<PanelAssignment> PanelAssignments => Set<PanelAssignment>();

    public DbSet<PanelEvaluation> PanelEvaluations => Set<PanelEvaluation>();

    public DbSet<EvaluationScore> EvaluationScores => Set<EvaluationScore>();

    public DbSet<PanelRecommendation> PanelRecommendations => Set<PanelRecommendation>();

    public DbSet<RecommendationResponse> RecommendationResponses => Set<RecommendationResponse>();

    public DbSet<PanelPublication> PanelPublications => Set<PanelPublication>();

    public DbSet<NetworkPost> NetworkPosts => Set<NetworkPost>();

    public DbSet<NetworkComment> NetworkComments => Set<NetworkComment>();

    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();


    public DbSet<CalendarSession> CalendarSessions => Set<CalendarSession>();

    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<ScheduledSend> ScheduledSends => Set<ScheduledSend>();

    public DbSet<SessionTeam> SessionTeams => Set<SessionTeam>();

    public DbSet<SessionSpecialist> SessionSpecialists => Set<SessionSpecialist>();

    public DbSet<SessionAttendance> SessionAttendance => Set<SessionAttendance>();

    public DbSet<MentorAssignment> MentorAssignments => Set<MentorAssignment>();

    public DbSet<MentorVisit> MentorVisits => Set<MentorVisit>();

    public DbSet<CoordinatorEdition> CoordinatorEditions => Set<CoordinatorEdition>();

    public DbSet<FollowUpIndicator> FollowUpIndicators => Set<FollowUpIndicator>();

    public DbSet<IndicatorMeasurement> IndicatorMeasurements => Set<IndicatorMeasurement>();

    public DbSet<FollowUpActivity> FollowUpActivities => Set<FollowUpActivity>();

    public DbSet<Adoption> Adoptions => Set<Adoption>();

    public DbSet<ShowcasePublication> ShowcasePublications => Set<ShowcasePublication>();

    public DbSet<CategoryBand> CategoryBands => Set<CategoryBand>();

    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();

    public DbSet<SurveyDimension> SurveyDimensions => Set<SurveyDimension>();

    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<ApplicationCall> ApplicationCalls => Set<ApplicationCall>();

    public DbSet<CallApplication> CallApplications => Set<CallApplication>();

    public DbSet<ApplicationMember> ApplicationMembers => Set<ApplicationMember>();

    public DbSet<SelectionCriterion> SelectionCriteria => Set<SelectionCriterion>();

    public DbSet<ApplicationScore> ApplicationScores => Set<ApplicationScore>();

    public DbSet<SelectionConfirmation> SelectionConfirmations => Set<SelectionConfirmation>();

    public DbSet<StageVisit> StageVisits => Set<StageVisit>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every changed versioned row is written as version + 1 WHERE version = the one loaded: a
    /// writer who loaded the row before another's save updates nothing and gets a
    /// DbUpdateConcurrencyException, and the whole SaveChanges (side effects included) rolls back.
    /// Here rather than in each writer so that no writer can forget it.
    /// </summary>
    private void RaiseVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property<int>(nameof(IVersioned.Version));
            version.CurrentValue = version.OriginalValue + 1;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All instants are UTC. SQLite hands DateTime back as Unspecified and Npgsql refuses
        // non-UTC values for timestamptz, so the kind is fixed on the way in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        // Enums are stored by name: readable in the database and stable if members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
