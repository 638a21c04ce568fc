using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;

namespace ProgramaInnovacion.Web.Features.Network;

public sealed record SharedStage(string Key, string Name);

public sealed record SharedProject(int Id, string Municipality, string Province, string? Title, bool IsOwn, IReadOnlyList<SharedStage> ApprovedStages);

public sealed record SharedDeliverableViewModel(int ProjectId, string Municipality, string? ProjectTitle, string StageName, DateTime? ApprovedAtUtc, DeliverableViewModel Deliverable);

/// <summary>
/// Other teams' approved deliverables, read-only, when the edition shares them
/// (ProgramEdition.ShareApprovedDeliverables): what <see cref="ApprovedDeliverables"/> shows — the
/// latest submission of an Approved stage, never a draft or a later edit — with the files it refers
/// to. The edition check lives here on purpose, so ProjectAccess keeps meaning "my own project".
/// </summary>
public class SharedDeliverables(AppDbContext db, ApprovedDeliverables approved)
{
    public static bool IsOpenTo(Participant participant) => participant.ShareApprovedDeliverables;

    /// <summary>The projects of the participant's edition with their approved deliverables (two SQL commands).</summary>
    public async Task<IReadOnlyList<SharedProject>> ListAsync(Participant participant)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.EditionId == participant.EditionId)
            .OrderBy(p => p.Municipality.Name)
            .Select(p => new { p.Id, p.Municipality.Name, p.Municipality.Province, p.Title })
            .ToListAsync();
        var stages = (await db.ProjectStages.AsNoTracking()
                .Where(s => s.Project.EditionId == participant.EditionId)
                .ApprovedDeliverables()
                .Select(s => new { s.Stage.ProjectId, Stage = new SharedStage(s.Stage.StageDefinition.Key, s.Stage.StageDefinition.Name) })
                .ToListAsync())
            .ToLookup(s => s.ProjectId, s => s.Stage);
        return projects.Select(p => new SharedProject(p.Id, p.Name, p.Province, p.Title, p.Id == participant.ProjectId, stages[p.Id].ToList())).ToList();
    }

    public async Task<SharedDeliverableViewModel?> GetAsync(Participant participant, int projectId, string stageKey)
    {
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId && p.EditionId == participant.EditionId)
            .Select(p => new { p.Municipality.Name, p.Title })
            .SingleOrDefaultAsync();
        if (project is null)
        {
            return null;
        }

        var deliverables = await approved.OfProjectAsync(projectId, (id, attachment) => SharedUrls.Attachment(id, stageKey, attachment), s => s.StageDefinition.Key == stageKey);
        return deliverables is [var deliverable]
            ? new SharedDeliverableViewModel(projectId, project.Name, project.Title, deliverable.Name, deliverable.ApprovedAtUtc, deliverable.Content)
            : null;
    }

    /// <summary>Whether the file may be downloaded from the shared page: the approved submission shown there refers to it.</summary>
    public async Task<bool> IsSharedAttachmentAsync(Participant participant, int projectId, string stageKey, int attachmentId) =>
        await db.Projects.AnyAsync(p => p.Id == projectId && p.EditionId == participant.EditionId)
        && await approved.RefersToAsync(projectId, attachmentId, s => s.StageDefinition.Key == stageKey);
}

public static class SharedUrls
{
    public static string Stage(int projectId, string key) => $"/red/proyectos/{projectId}/etapas/{key}";

    /// <summary>Another team's download of a file of a shared approved deliverable (they have no access to the project itself).</summary>
    public static string Attachment(int projectId, string key, int attachmentId) => $"{Stage(projectId, key)}/adjuntos/{attachmentId}";
}
