using System.Security.Claims;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Knowledge;

/// <summary>Who reads the case library, as far as its read rule cares.</summary>
/// <param name="UserId">Null for an anonymous principal (who reads nothing).</param>
/// <param name="ReadsPublished">Administrators, coordinators and municipal teams read the published library.</param>
/// <param name="IsExpert">Experts read only the cases of the projects their assignment opens.</param>
public sealed record LibraryReader(string? UserId, bool ReadsPublished, bool IsExpert)
{
    public static LibraryReader From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.MunicipalTeam),
        user.IsInRole(Roles.Expert));
}

/// <summary>
/// The case library's one read rule, composed into every query that reads a case (search, case
/// page, "add to my case study"), so no page can show what another would hide:
/// <list type="bullet">
/// <item>a case exists only while its stage is Approved — a reopened stage leaves the library until
/// it is approved again (its rows are rebuilt then);</item>
/// <item>it is <b>published</b> when its edition shares approved deliverables and, for a final
/// project, once the project's expert panel is closed (the panel stage is approved; a template
/// without a panel stage publishes on approval);</item>
/// <item>administrators, coordinators and teams read the published cases; an expert reads only the
/// cases of a project whose panel they are assigned to, opened, with no conflict of interest declared
/// (the same gate as the panel's own pages, PanelWorkflow.MaySee); anyone else reads nothing.</item>
/// </list>
/// </summary>
public static class CaseReaders
{
    public static IQueryable<CaseEntry> ReadableCases(this AppDbContext db, LibraryReader reader)
    {
        var readsPublished = reader.ReadsPublished && reader.UserId is not null;
        var expertId = reader.IsExpert ? reader.UserId : null;
        return db.CaseEntries.Where(e =>
            e.ProjectStage.State == StageState.Approved
            && ((readsPublished
                    && e.Edition.ShareApprovedDeliverables
                    && (e.Source != CaseSource.FinalProject
                        || !e.ProjectStage.Project.Stages.Any(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State != StageState.Approved)))
                || (expertId != null
                    && db.PanelAssignments.Any(a => a.ProjectId == e.ProjectStage.ProjectId && a.ExpertId == expertId && a.Declaration == ConflictDeclaration.NoConflict)
                    && e.ProjectStage.Project.Stages.Any(s => s.StageDefinition.Role == StageRole.ExpertPanel && s.State != StageState.Locked))));
    }
}
