using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>
/// The coordination dashboard of one edition in one SQL command while nothing changed (the
/// editions, with the selected one's stamp: <see cref="SnapshotAsync"/>), five when something did
/// (plus the stage definitions, projects with their stages, the latest events and the approval
/// history), however many projects. Everything else (queue, overdue, counts, chart) is derived in memory.
/// </summary>
public class DashboardQueries(AppDbContext db, ArgentinaClock clock, IMemoryCache cache)
{
    public const int ActivityCount = 20;

    /// <summary>How long a dashboard snapshot may show a municipality's or a person's former name after a rename.</summary>
    public static readonly TimeSpan NamesAtMost = TimeSpan.FromMinutes(1);

    private static long _serial;

    /// <param name="scope">The editions the person coordinates (<see cref="Authorization.CoordinationScope"/>); null for all.</param>
    public async Task<IReadOnlyList<(int Id, string Name, DateTime StartsAtUtc, DateTime? EndsAtUtc)>> EditionsAsync(IReadOnlySet<int>? scope) =>
        (await EditionRowsAsync(scope, null, withStamp: false)).Select(e => (e.Id, e.Name, e.StartsAtUtc, e.EndsAtUtc)).ToList();

    public async Task<DashboardViewModel?> BuildAsync(int? editionId, IReadOnlySet<int>? scope, MatrixFilter? filter = null)
    {
        var editions = await EditionRowsAsync(scope, editionId, withStamp: true);
        var options = editions.Select(e => new EditionOption(e.Id, e.Name)).ToList();
        if (editions.Count == 0)
        {
            return new DashboardViewModel([], null, [], [], 0, [], [], [], new ProgressChart([]));
        }

        var selected = editionId is { } id ? editions.FirstOrDefault(e => e.Id == id) : editions[0];
        if (selected is null)
        {
            return null;
        }

        // The stamp comes with the editions (same statement, same order); read on its own only as a safeguard.
        var stamp = selected.Stamp ?? (await EditionRowsAsync(new HashSet<int> { selected.Id }, selected.Id, withStamp: true))[0].Stamp!;
        var snapshot = await SnapshotAsync(selected, stamp);
        var matrix = snapshot.Matrix;
        return new DashboardViewModel(
            options,
            new EditionOption(selected.Id, selected.Name),
            matrix.Stages,
            matrix.Rows,
            matrix.CompletedProjects,
            matrix.Overdue,
            matrix.Queue,
            snapshot.Activity,
            snapshot.Chart)
        {
            DueSoon = matrix.DueSoon,
            Matrix = MatrixPageViewModel.Of(matrix.Rows, filter ?? new MatrixFilter(), snapshot.Provinces) with { EditionId = selected.Id, Stages = matrix.Stages },
            Serial = snapshot.Serial,
        };
    }

    /// <summary>
    /// The editions in <paramref name="scope"/>, newest first, and for the one shown — the one numbered
    /// <paramref name="editionId"/>, else the newest — its <see cref="EditionStamp"/> when asked, in the
    /// same SQL command.
    /// </summary>
    private async Task<List<EditionRow>> EditionRowsAsync(IReadOnlySet<int>? scope, int? editionId, bool withStamp)
    {
        var inScope = db.Editions.AsNoTracking().Where(e => scope == null || scope.Contains(e.Id));
        return (await inScope.OrderByDescending(e => e.StartsAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                Edition = e,
                Stamped = withStamp && e.Id == (editionId ?? inScope.OrderByDescending(n => n.StartsAtUtc).ThenByDescending(n => n.Id).Select(n => n.Id).First()),
            })
            .Select(x => new
            {
                x.Edition.Id,
                x.Edition.Name,
                x.Edition.StartsAtUtc,
                x.Edition.EndsAtUtc,
                x.Edition.Phase,
                x.Stamped,
                x.Edition.ProgressStamp,
            })
            .ToListAsync())
        .Select(e => new EditionRow(e.Id, e.Name, e.StartsAtUtc, e.EndsAtUtc, e.Stamped ? new EditionStamp(e.StartsAtUtc, e.EndsAtUtc, e.Phase, e.ProgressStamp) : null))
        .ToList();
    }

    /// <summary>
    /// The edition's dashboard as of now: the snapshot kept in memory while the edition's stamp
    /// (<see cref="EditionStamp"/>, read before anything else) holds and the clock has not reached
    /// <see cref="DashboardSnapshot.ValidUntilUtc"/>; else rebuilt from the database (four more
    /// commands) and kept. Every stage event is written with a change of its stage
    /// (<see cref="ProjectStage.Apply"/>), so the stamp covers the activity and the chart as well.
    /// Names (municipality, province, who acted) are not in the stamp: a snapshot is kept at most
    /// <see cref="NamesAtMost"/>, so a rename shows within it. Because the stamp is read before the
    /// rows, a write that lands in between moves the stamp and the next request rebuilds: a snapshot
    /// is never kept under a stamp older than its rows.
    /// </summary>
    private async Task<DashboardSnapshot> SnapshotAsync(EditionRow edition, EditionStamp stamp)
    {
        var key = (nameof(DashboardSnapshot), edition.Id);
        var now = clock.UtcNow;
        if (cache.TryGetValue(key, out DashboardSnapshot? kept) && kept!.Stamp.Equals(stamp) && now < kept.ValidUntilUtc)
        {
            return kept;
        }

        var expiry = new DashboardExpiry(now);
        var matrix = await MatrixAsync(edition.Id, await DefinitionsAsync(edition.Id), expiry);
        var activity = await db.StageEvents.AsNoTracking()
            .Where(e => e.Project.EditionId == edition.Id && e.Action != StageAction.SaveDraft)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Take(ActivityCount)
            .Select(e => new ActivityItem(e.ProjectId, e.Project.Municipality.Name, e.ProjectStage.StageDefinition.Name, e.Action,
                e.Actor == null ? null : e.Actor.DisplayName, e.OccurredAtUtc))
            .ToListAsync();
        var chart = ProgressChart.From(edition.StartsAtUtc, edition.EndsAtUtc, now, await ApprovalHistoryAsync(edition.Id));
        expiry.ChartWeeks(edition.StartsAtUtc, edition.EndsAtUtc);
        var provinces = matrix.Rows.Select(r => r.Province).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var snapshot = new DashboardSnapshot(stamp, expiry.Until, Interlocked.Increment(ref _serial), matrix, activity, chart, provinces);
        cache.Set(key, snapshot, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = NamesAtMost, Size = matrix.Rows.Count });
        return snapshot;
    }

    /// <summary>Every stage event of the edition that approved a stage or took an approved one back, oldest first (one SQL command).</summary>
    private Task<List<ApprovalChange>> ApprovalHistoryAsync(int editionId) =>
        db.StageEvents.AsNoTracking()
            .Where(e => e.Project.EditionId == editionId && (e.ToState == StageState.Approved) != (e.FromState == StageState.Approved))
            .OrderBy(e => e.OccurredAtUtc)
            .Select(e => new ApprovalChange(e.OccurredAtUtc, e.ToState == StageState.Approved))
            .ToListAsync();

    /// <summary>
    /// The progress matrix of an edition and what the dashboard derives from it, in two SQL commands
    /// (stage definitions with the stamp of their stages, projects with their stages or, while the
    /// stamp holds, without: <see cref="ProjectsAsync"/>); the exports are built from the same rows.
    /// </summary>
    public async Task<ProgressMatrix> MatrixAsync(int editionId) =>
        await MatrixAsync(editionId, await DefinitionsAsync(editionId), new DashboardExpiry(clock.UtcNow));

    /// <summary>The edition's stage definitions in order, each with the edition's progress stamp (one SQL command).</summary>
    private Task<List<DefinitionRow>> DefinitionsAsync(int editionId) =>
        db.StageDefinitions.AsNoTracking()
            .Where(s => s.EditionId == editionId)
            .OrderBy(s => s.Order)
            .Select(s => new DefinitionRow(
                s.Id,
                s.Order,
                s.Key,
                s.Name,
                s.DueAtUtc,
                s.HasTeamForm,
                s.Edition.Phase == EditionPhase.Running,
                // Read before the stages, in the same command as the definitions (see ProjectsAsync).
                s.Edition.ProgressStamp))
            .ToListAsync();

    private async Task<ProgressMatrix> MatrixAsync(int editionId, List<DefinitionRow> definitions, DashboardExpiry expiry)
    {
        // An edition without stage definitions has no stages to keep (and no row to carry the stamp).
        var (projects, stagesByProject) = await ProjectsAsync(editionId, definitions.Count > 0 ? definitions[0].ProgressStamp : null);
        var rows = new List<MatrixRow>(projects.Count);
        var overdue = new List<DeadlineItem>();
        var dueSoon = new List<DeadlineItem>();
        var queue = new List<QueueItem>();
        var here = definitions.ToDictionary(d => d.Id, _ => 0);
        var completed = 0;
        foreach (var project in projects)
        {
            var byDefinition = stagesByProject.TryGetValue(project.Id, out var stages) ? stages : [];
            var progress = ProjectProgress.Of(definitions.Select(d => byDefinition.TryGetValue(d.Id, out var s) ? s.State : (StageState?)null));
            var currentId = progress.CurrentIndex is { } index ? definitions[index].Id : (int?)null;
            if (currentId is { } current)
            {
                here[current]++;
            }
            else
            {
                completed++;
            }

            var cells = new List<MatrixCell>(definitions.Count);
            foreach (var definition in definitions)
            {
                if (!byDefinition.TryGetValue(definition.Id, out var stage))
                {
                    cells.Add(new MatrixCell(definition.Key, definition.Name, StageState.Locked, 0, false, definition.Id == currentId));
                    continue;
                }

                var (isOverdue, isDueSoon) = expiry.Deadline(stage.State, definition.HasTeamForm, definition.DueAtUtc, definition.TracksDeadlines);
                cells.Add(new MatrixCell(definition.Key, definition.Name, stage.State, expiry.DaysSince(stage.StateChangedAtUtc), isOverdue, definition.Id == currentId) { IsDueSoon = isDueSoon });
                if (isOverdue)
                {
                    overdue.Add(new DeadlineItem(project.Id, project.Municipality, definition.Key, definition.Name, stage.State, definition.DueAtUtc!.Value));
                }
                else if (isDueSoon)
                {
                    dueSoon.Add(new DeadlineItem(project.Id, project.Municipality, definition.Key, definition.Name, stage.State, definition.DueAtUtc!.Value));
                }

                if (stage.State == StageState.Submitted)
                {
                    var submittedAt = stage.SubmittedAtUtc ?? stage.StateChangedAtUtc;
                    queue.Add(new QueueItem(project.Id, project.Municipality, definition.Key, definition.Name, submittedAt, expiry.DaysSince(submittedAt)) { DueAtUtc = definition.DueAtUtc });
                }
            }

            rows.Add(new MatrixRow(project.Id, project.Municipality, project.Province, project.Title, cells, progress));
        }

        return new ProgressMatrix(
            definitions.Select(d => new StageColumn(d.Id, d.Order, d.Key, d.Name, d.DueAtUtc, here[d.Id])).ToList(),
            rows,
            completed,
            overdue.OrderBy(o => o.DueAtUtc).ThenBy(o => o.Municipality, StringComparer.CurrentCulture).ToList(),
            queue.OrderBy(q => q.SubmittedAtUtc).ToList())
        {
            DueSoon = dueSoon.OrderBy(d => d.DueAtUtc).ThenBy(d => d.Municipality, StringComparer.CurrentCulture).ToList(),
        };
    }
    /// <summary>
    /// The edition's projects, and their stages by project. The stages are the heaviest read of the
    /// dashboard (ten rows a project), so they are kept in memory while the stamp holds: one SQL
    /// command either way (projects alone, or projects with their stages). The stamp is the edition's
    /// <see cref="ProgramEdition.ProgressStamp"/>, read from the database before the stages on every
    /// request and replaced in the same transaction as every write of a stage (AppDbContext), so a
    /// change made through any instance of the portal is seen by all of them on their next request.
    /// </summary>
    private async Task<(IReadOnlyList<ProjectHead> Projects, IReadOnlyDictionary<int, Dictionary<int, StageRow>> StagesByProject)> ProjectsAsync(
        int editionId, Guid? stamp)
    {
        var projects = db.Projects.AsNoTracking().Where(p => p.EditionId == editionId).OrderBy(p => p.Municipality.Name);
        var key = (nameof(DashboardQueries), editionId);
        if (stamp is not null && cache.TryGetValue(key, out CachedStages? cached) && cached!.Stamp == stamp)
        {
            return (await projects.Select(p => new ProjectHead(p.Id, p.Municipality.Name, p.Municipality.Province, p.Title)).ToListAsync(), cached.ByProject);
        }

        var loaded = await projects
            .Select(p => new
            {
                Head = new ProjectHead(p.Id, p.Municipality.Name, p.Municipality.Province, p.Title),
                Stages = p.Stages.Select(s => new StageRow(s.StageDefinitionId, s.State, s.StateChangedAtUtc, s.SubmittedAtUtc, s.ApprovedAtUtc)).ToList(),
            })
            .ToListAsync();
        var byProject = loaded.ToDictionary(p => p.Head.Id, p => p.Stages.ToDictionary(s => s.StageDefinitionId));
        if (stamp is { } kept)
        {
            cache.Set(key, new CachedStages(kept, byProject), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), Size = loaded.Count });
        }
        return (loaded.Select(p => p.Head).ToList(), byProject);
    }

    private sealed record ProjectHead(int Id, string Municipality, string Province, string? Title);

    private sealed record DefinitionRow(int Id, int Order, string Key, string Name, DateTime? DueAtUtc, bool HasTeamForm, bool TracksDeadlines, Guid ProgressStamp);

    private sealed record StageRow(int StageDefinitionId, StageState State, DateTime StateChangedAtUtc, DateTime? SubmittedAtUtc, DateTime? ApprovedAtUtc);

    private sealed record CachedStages(Guid Stamp, IReadOnlyDictionary<int, Dictionary<int, StageRow>> ByProject);

    private sealed record EditionRow(int Id, string Name, DateTime StartsAtUtc, DateTime? EndsAtUtc, EditionStamp? Stamp);

    /// <summary>
    /// What an edition's dashboard is built from, read in O(1): its dates and phase, and its
    /// <see cref="ProgramEdition.ProgressStamp"/>, which AppDbContext replaces in the same transaction
    /// as every insert, change or delete of the edition's stage definitions, projects and project
    /// stages, whichever instance of the portal made it.
    /// </summary>
    private sealed record EditionStamp(DateTime StartsAtUtc, DateTime? EndsAtUtc, EditionPhase Phase, Guid Progress);
}
