using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>The expert's assignments on their home page (Features/Home/Views/Expert.cshtml).</summary>
public class ExpertAssignmentsViewComponent(PanelQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = userId is null ? [] : await queries.ExpertAssignmentsAsync(userId);
        return View("_Assignments", rows);
    }
}
