using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.Web.Features.Dossier;

public sealed record DossierStage(int Order, string Key, string Name, DateTime? ApprovedAtUtc, DeliverableViewModel Deliverable);

public sealed record DossierViewModel(int ProjectId, string Municipality, string Province, string Edition, string? Title, IReadOnlyList<DossierStage> Stages);

/// <summary>A project's approved deliverables on one print-ready page (the browser saves it as PDF).</summary>
[Authorize]
[Route("proyectos/{id:int}/dossier")]
public class DossierController(IAuthorizationService authorization, AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id)
    {
        // 404 rather than 403: a team member must not learn which other project ids exist.
        if (!(await authorization.AuthorizeAsync(User, new ProjectResource(id), ProjectOperation.Read)).Succeeded)
        {
            return NotFound();
        }

        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id,
                Municipality = p.Municipality.Name,
                p.Municipality.Province,
                Edition = p.Edition.Name,
                p.Title,
                Stages = p.Stages.Where(s => s.State == StageState.Approved).OrderBy(s => s.StageDefinition.Order).Select(s => new
                {
                    s.StageDefinition.Order,
                    s.StageDefinition.Key,
                    s.StageDefinition.Name,
                    s.StageDefinition.SchemaJson,
                    s.ApprovedAtUtc,
                    // What was approved is the last submission, not a draft saved after it.
                    Content = s.Deliverable!.Revisions.Where(r => r.Kind == RevisionKind.Submission).OrderByDescending(r => r.Number).Select(r => r.ContentJson).FirstOrDefault()
                        ?? s.Deliverable.ContentJson,
                    Files = s.Deliverable.Attachments.Select(a => new { a.Id, a.OriginalFileName, a.SizeBytes }).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync();
        if (project is null)
        {
            return NotFound();
        }

        var stages = project.Stages.Select(s => new DossierStage(s.Order, s.Key, s.Name, s.ApprovedAtUtc,
            DeliverableViewModel.From(s.SchemaJson, s.Content,
                s.Files.Select(f => new AttachmentLink(f.Id, f.OriginalFileName, f.SizeBytes, StageUrls.Attachment(project.Id, f.Id)))))).ToList();
        return View(new DossierViewModel(project.Id, project.Municipality, project.Province, project.Edition, project.Title, stages));
    }
}
