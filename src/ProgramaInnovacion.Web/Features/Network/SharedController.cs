using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ProgramaInnovacion.Web.Features.Network;

/// <summary>Other teams' approved deliverables, when the edition shares them; otherwise 404.</summary>
[Authorize]
[Route("red/proyectos")]
public class SharedController(EditionParticipation participation, SharedDeliverables shared) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var participant = await participation.ResolveAsync(User);
        if (participant is null || !SharedDeliverables.IsOpenTo(participant))
        {
            return NotFound();
        }

        ViewData["Edition"] = participant.EditionName;
        return View("~/Features/Network/Views/Shared.cshtml", await shared.ListAsync(participant));
    }

    [HttpGet("{projectId:int}/etapas/{key}")]
    public async Task<IActionResult> Stage(int projectId, string key)
    {
        var participant = await participation.ResolveAsync(User);
        if (participant is null || !SharedDeliverables.IsOpenTo(participant))
        {
            return NotFound();
        }

        var page = await shared.GetAsync(participant, projectId, key);
        return page is null ? NotFound() : View("~/Features/Network/Views/SharedStage.cshtml", page);
    }
}
