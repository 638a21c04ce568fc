using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Mentors;
using ProgramaInnovacion.Web.Features.Projects;

namespace ProgramaInnovacion.Web.Features.Home;

/// <summary>The signed-in home: what each role needs first.</summary>
[Authorize]
public class HomeController(ProjectAccess access, ProjectQueries queries, CoordinationScope scope, MentorHome mentorHome, TeamHome teamHome) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(int? proyecto)
    {
        if (User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Coordinator))
        {
            var (edition, projects) = await queries.GetCurrentEditionProjectsAsync(await scope.EditionIdsAsync(User));
            return View("Coordination", new CoordinationHomeViewModel(edition, projects));
        }

        if (User.IsInRole(Roles.MunicipalTeam))
        {
            var projectIds = await access.MemberProjectIdsAsync(User);
            var home = projectIds.Count == 0 ? null : await teamHome.BuildAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, projectIds, proyecto);
            return home is null ? View("NoProject") : View("Team", home);
        }

        if (User.IsInRole(Roles.Mentor))
        {
            return View("Mentor", await mentorHome.BuildAsync(User));
        }

        return User.IsInRole(Roles.Expert) ? View("Expert") : View("NoProject");
    }
}

public sealed record CoordinationHomeViewModel(string? Edition, IReadOnlyList<ProjectRow> Projects);
