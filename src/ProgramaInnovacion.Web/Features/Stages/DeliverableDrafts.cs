using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Stages;

public enum DraftSaveStatus
{
    Saved,
    /// <summary>Someone saved after the editor loaded the draft; nothing was overwritten.</summary>
    Conflict,
    Denied,
}

/// <param name="Version">The deliverable's version after the save (or the current one on conflict).</param>
/// <param name="CurrentContentJson">On conflict, what the other person saved.</param>
/// <param name="DeliverableId">The saved deliverable (set when Saved: a first save creates it).</param>
public sealed record DraftSaveResult(DraftSaveStatus Status, int Version, string? Error = null, string? CurrentContentJson = null, int? RevisionNumber = null, int? DeliverableId = null);

/// <summary>
/// Saves a team's deliverable content: every save is an immutable revision, the deliverable's
/// Version is the optimistic-concurrency token (the same on SQLite and PostgreSQL), and the first
/// save moves the stage from Disponible to En progreso (a Submission kind submits it). Callers
/// authorize (ProjectOperation.Edit) and validate the content before submitting.
/// </summary>
public class DeliverableDrafts(AppDbContext db, TimeProvider time, StageTransitions transitions)
{
    /// <param name="expectedVersion">The version the editor started from; null skips the check (system appends).</param>
    public async Task<DraftSaveResult> SaveAsync(int projectStageId, JsonObject content, string userId, int? expectedVersion, RevisionKind kind = RevisionKind.Draft)
    {
        // One query: the stage and its deliverable, tracked, with the last revision number.
        var loaded = await db.ProjectStages.Where(s => s.Id == projectStageId)
            .Select(s => new { Stage = s, s.Deliverable, LastRevision = s.Deliverable == null ? null : s.Deliverable.Revisions.Max(r => (int?)r.Number) })
            .SingleAsync();
        var stage = loaded.Stage;
        var current = loaded.Deliverable;
        if (expectedVersion is { } expected && (current?.Version ?? 0) != expected)
        {
            return new DraftSaveResult(DraftSaveStatus.Conflict, current?.Version ?? 0, "Otra persona guardó este entregable mientras lo editabas.", current?.ContentJson);
        }

        // A submission is a revision too: saved and moved to Entregada in one step.
        var action = kind == RevisionKind.Submission ? StageAction.Submit : StageAction.SaveDraft;
        var transition = await transitions.ApplyAsync(stage, action, WorkflowActor.Team, userId);
        if (!transition.Allowed)
        {
            return new DraftSaveResult(DraftSaveStatus.Denied, current?.Version ?? 0, transition.Error);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var json = DeliverableContent.Serialize(content);
        if (current is null)
        {
            current = new Deliverable { ProjectStageId = stage.Id };
            stage.Deliverable = current;
        }

        var number = (loaded.LastRevision ?? 0) + 1;
        current.ContentJson = json;
        current.Version++;
        current.UpdatedAtUtc = now;
        current.UpdatedById = userId;
        current.Revisions.Add(new DeliverableRevision { Number = number, Kind = kind, ContentJson = json, AuthorId = userId, CreatedAtUtc = now });

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Lost the race between the check above and the UPDATE … WHERE Version = @original.
            db.ChangeTracker.Clear();
            var latest = await db.Deliverables.AsNoTracking().Where(d => d.ProjectStageId == projectStageId).Select(d => new { d.Version, d.ContentJson }).SingleAsync();
            return new DraftSaveResult(DraftSaveStatus.Conflict, latest.Version, "Otra persona guardó este entregable mientras lo editabas.", latest.ContentJson);
        }

        return new DraftSaveResult(DraftSaveStatus.Saved, current.Version, RevisionNumber: number, DeliverableId: current.Id);
    }
}
