using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.Web.Features.Dossier;

public sealed record DossierViewModel(int ProjectId, string Municipality, string Province, string Edition, string? Title, IReadOnlyList<ApprovedDeliverable> Stages);

/// <summary>A project's approved deliverables on one print-ready page (the browser saves it as PDF).</summary>
[Authorize]
[Route("proyectos/{id:int}/dossier")]
public class DossierController(IAuthorizationService authorization, AppDbContext db, ApprovedDeliverables approved) : Controller
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
            .Select(p => new { p.Id, Municipality = p.Municipality.Name, p.Municipality.Province, Edition = p.Edition.Name, p.Title })
            .SingleOrDefaultAsync();
        if (project is null)
        {
            return NotFound();
        }

        // The team's own download route: whoever reads the dossier may read the project.
        var stages = await approved.OfProjectAsync(project.Id, StageUrls.Attachment);
        return View(new DossierViewModel(project.Id, project.Municipality, project.Province, project.Edition, project.Title, stages));
    }
}
