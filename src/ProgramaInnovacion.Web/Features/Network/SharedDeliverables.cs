using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;

namespace ProgramaInnovacion.Web.Features.Network;

public sealed record SharedStage(string Key, string Name);

public sealed record SharedProject(int Id, string Municipality, string Province, string? Title, bool IsOwn, IReadOnlyList<SharedStage> ApprovedStages);

public sealed record SharedDeliverablePage(int ProjectId, string Municipality, string? ProjectTitle, string StageName, DateTime? ApprovedAtUtc, DeliverableViewModel Deliverable);

/// <summary>
/// Other teams' approved deliverables, read-only, when the edition shares them
/// (ProgramEdition.ShareApprovedDeliverables). Only the latest submitted revision of an Approved
/// stage is shown — never a draft, never a later edit — with the files it refers to. This rule
/// lives here on purpose, so ProjectAccess keeps meaning "my own project".
/// </summary>
public class SharedDeliverables(AppDbContext db, DeliverableAttachments attachments)
{
    public static bool IsOpenTo(Participant participant) => participant.ShareApprovedDeliverables;

    public async Task<IReadOnlyList<SharedProject>> ListAsync(Participant participant)
    {
        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.EditionId == participant.EditionId)
            .OrderBy(p => p.Municipality.Name)
            .Select(p => new
            {
                p.Id,
                p.Municipality.Name,
                p.Municipality.Province,
                p.Title,
                Stages = p.Stages
                    .Where(s => s.State == StageState.Approved && s.StageDefinition.HasTeamForm)
                    .OrderBy(s => s.StageDefinition.Order)
                    .Select(s => new SharedStage(s.StageDefinition.Key, s.StageDefinition.Name))
                    .ToList(),
            })
            .ToListAsync();
        return rows.Select(p => new SharedProject(p.Id, p.Name, p.Province, p.Title, p.Id == participant.ProjectId, p.Stages)).ToList();
    }

    public async Task<SharedDeliverablePage?> GetAsync(Participant participant, int projectId, string stageKey)
    {
        var row = await ApprovedSubmissionAsync(participant, projectId, stageKey);
        if (row?.Content is null)
        {
            return null;
        }

        var deliverable = await attachments.WithLinksAsync(projectId, DeliverableViewModel.From(row.SchemaJson, row.Content),
            (project, attachment) => SharedUrls.Attachment(project, stageKey, attachment));
        return new SharedDeliverablePage(projectId, row.Municipality, row.Title, row.Name, row.ApprovedAtUtc, deliverable);
    }

    /// <summary>Whether the file may be downloaded from the shared page: the approved submission shown there refers to it.</summary>
    public async Task<bool> IsSharedAttachmentAsync(Participant participant, int projectId, string stageKey, int attachmentId)
    {
        var row = await ApprovedSubmissionAsync(participant, projectId, stageKey);
        return row?.Content is not null && DeliverableAttachments.References(DeliverableViewModel.From(row.SchemaJson, row.Content), attachmentId);
    }

    private Task<ApprovedSubmission?> ApprovedSubmissionAsync(Participant participant, int projectId, string stageKey) =>
        db.ProjectStages.AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.Project.EditionId == participant.EditionId
                && s.StageDefinition.Key == stageKey && s.StageDefinition.HasTeamForm && s.State == StageState.Approved)
            .Select(s => new ApprovedSubmission(
                s.Project.Municipality.Name,
                s.Project.Title,
                s.StageDefinition.Name,
                s.StageDefinition.SchemaJson,
                s.ApprovedAtUtc,
                s.Deliverable!.Revisions.Where(r => r.Kind == RevisionKind.Submission).OrderByDescending(r => r.Number).Select(r => r.ContentJson).FirstOrDefault()))
            .SingleOrDefaultAsync();

    private sealed record ApprovedSubmission(string Municipality, string? Title, string Name, string SchemaJson, DateTime? ApprovedAtUtc, string? Content);
}

public static class SharedUrls
{
    public static string Stage(int projectId, string key) => $"/red/proyectos/{projectId}/etapas/{key}";

    /// <summary>Another team's download of a file of a shared approved deliverable (they have no access to the project itself).</summary>
    public static string Attachment(int projectId, string key, int attachmentId) => $"{Stage(projectId, key)}/adjuntos/{attachmentId}";
}
