using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        using var detected = DetectChangesOnce();
        RaiseVersions();
        if (ProgressChanges() is not { } progress)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            StampedEditions(progress).ExecuteUpdate(s => s.SetProperty(e => e.ProgressStamp, progress.Stamp));
            return saved;
        }

        return Database.CreateExecutionStrategy().Execute(() =>
        {
            using var transaction = Database.BeginTransaction();
            var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
            StampedEditions(progress).ExecuteUpdate(s => s.SetProperty(e => e.ProgressStamp, progress.Stamp));
            transaction.Commit();
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return saved;
        });
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        RaiseVersions();
        if (ProgressChanges() is not { } progress)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await StampedEditions(progress).ExecuteUpdateAsync(s => s.SetProperty(e => e.ProgressStamp, progress.Stamp), cancellationToken);
            return saved;
        }

        return await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await StampedEditions(progress).ExecuteUpdateAsync(s => s.SetProperty(e => e.ProgressStamp, progress.Stamp), ct);
            await transaction.CommitAsync(ct);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return saved;
        }, cancellationToken);
    }

    /// <summary>
    /// Detects the changes of the tracked entities once for the whole save (issue 14): every
    /// <c>ChangeTracker.Entries()</c> detects them again, so <see cref="RaiseVersions"/>,
    /// <see cref="ProgressChanges"/> and EF's own SaveChanges went through every tracked entity three
    /// times: the second and third passes were about 5 % of a fresh demo start (sampled trace, 0.6 of
    /// 12.7 s on a loaded machine). What the save itself changes it changes through the
    /// entries (<c>PropertyEntry.CurrentValue</c>), which EF records without detection. A caller that
    /// turned detection off (bulk loads) keeps it off.
    /// </summary>
    private AutoDetectionPause DetectChangesOnce()
    {
        var enabled = ChangeTracker.AutoDetectChangesEnabled;
        if (enabled)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return new AutoDetectionPause(ChangeTracker, enabled);
    }

    private readonly struct AutoDetectionPause(ChangeTracker tracker, bool enabled) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = enabled;
    }

    /// <summary>
    /// The editions whose <see cref="ProgramEdition.ProgressStamp"/> this save must replace: those of
    /// the stage definitions and projects it adds, changes or deletes (before and after a move), and
    /// of the stage definitions of the project stages it writes — resolved by the UPDATE itself, so a
    /// writer need not load the definition. Null when none. Here rather than in each writer so that
    /// no writer can forget it; bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass it, so none is
    /// run on those tables. A new edition gets its first stamp as it is inserted.
    /// </summary>
    private ProgressChange? ProgressChanges()
    {
        List<int>? editions = null;
        List<int>? definitions = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            switch (entry.State, entry.Entity)
            {
                case (EntityState.Added, ProgramEdition):
                    entry.Property(nameof(ProgramEdition.ProgressStamp)).CurrentValue = Guid.NewGuid();
                    break;
                case (EntityState.Added or EntityState.Modified or EntityState.Deleted, StageDefinition):
                    Add(ref editions, entry.Property(nameof(StageDefinition.EditionId)));
                    break;
                case (EntityState.Added or EntityState.Modified or EntityState.Deleted, Project):
                    Add(ref editions, entry.Property(nameof(Project.EditionId)));
                    break;
                case (EntityState.Added or EntityState.Modified or EntityState.Deleted, ProjectStage):
                    Add(ref definitions, entry.Property(nameof(ProjectStage.StageDefinitionId)));
                    break;
            }
        }

        return editions is null && definitions is null ? null : new ProgressChange([.. editions ?? []], [.. definitions ?? []], Guid.NewGuid());

        // The parent before and after; a temporary key is a parent inserted by this very save, which gets its own first stamp.
        static void Add(ref List<int>? keys, PropertyEntry foreignKey)
        {
            keys ??= [];
            if (foreignKey.EntityEntry.State != EntityState.Added && foreignKey.OriginalValue is int original)
            {
                keys.Add(original);
            }

            if (foreignKey.EntityEntry.State != EntityState.Deleted && !foreignKey.IsTemporary && foreignKey.CurrentValue is int current)
            {
                keys.Add(current);
            }
        }
    }

    private IQueryable<ProgramEdition> StampedEditions(ProgressChange change) =>
        Editions.Where(e => change.Editions.Contains(e.Id) || e.Stages.Any(d => change.StageDefinitions.Contains(d.Id)));

    private sealed record ProgressChange(int[] Editions, int[] StageDefinitions, Guid Stamp);

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

    // Public: the compiled models (issue 14), in the migrations projects, construct them.
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
