using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Deliverables;

namespace ProgramaInnovacion.Web.Features.Network;

public sealed record SharedStage(string Key, string Name, DateTime? ApprovedAtUtc);

public sealed record SharedProject(int Id, string Municipality, string Province, string? Title, bool IsOwn, IReadOnlyList<SharedStage> ApprovedStages);

public sealed record SharedDeliverablePage(int ProjectId, string Municipality, string? ProjectTitle, string StageName, DateTime? ApprovedAtUtc, DeliverableViewModel Deliverable);

/// <summary>
/// Other teams' approved deliverables, read-only, when the edition shares them
/// (ProgramEdition.ShareApprovedDeliverables). Only the latest submitted revision of an Approved
/// stage is shown: never a draft, never a later edit. This rule lives here on purpose, so
/// ProjectAccess keeps meaning "my own project".
/// </summary>
public class SharedDeliverables(AppDbContext db)
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
                    .Select(s => new SharedStage(s.StageDefinition.Key, s.StageDefinition.Name, s.ApprovedAtUtc))
                    .ToList(),
            })
            .ToListAsync();
        return rows.Select(p => new SharedProject(p.Id, p.Name, p.Province, p.Title, p.Id == participant.ProjectId, p.Stages)).ToList();
    }

    public async Task<SharedDeliverablePage?> GetAsync(Participant participant, int projectId, string stageKey)
    {
        var row = await db.ProjectStages.AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.Project.EditionId == participant.EditionId
                && s.StageDefinition.Key == stageKey && s.StageDefinition.HasTeamForm && s.State == StageState.Approved)
            .Select(s => new
            {
                Municipality = s.Project.Municipality.Name,
                s.Project.Title,
                s.StageDefinition.Name,
                s.StageDefinition.SchemaJson,
                s.ApprovedAtUtc,
                Content = s.Deliverable!.Revisions.Where(r => r.Kind == RevisionKind.Submission).OrderByDescending(r => r.Number).Select(r => r.ContentJson).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (row?.Content is null)
        {
            return null;
        }

        // Attachments are not offered: the shared view shows the approved text and tables only.
        return new SharedDeliverablePage(projectId, row.Municipality, row.Title, row.Name, row.ApprovedAtUtc, DeliverableViewModel.From(row.SchemaJson, row.Content));
    }
}
