using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Projects;

[Authorize]
[Route("proyectos")]
public class ProjectsController(IAuthorizationService authorization, ProjectQueries queries) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        // 404 rather than 403: a team member must not learn which other project ids exist.
        if (!(await authorization.AuthorizeAsync(User, new ProjectResource(id), ProjectOperation.Read)).Succeeded)
        {
            return NotFound();
        }

        var overview = await queries.GetOverviewAsync(id);
        return overview is null ? NotFound() : View(overview);
    }
}
