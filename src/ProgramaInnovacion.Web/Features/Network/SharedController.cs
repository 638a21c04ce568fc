using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Features.Deliverables;

namespace ProgramaInnovacion.Web.Features.Network;

/// <summary>Other teams' approved deliverables, when the edition shares them; otherwise 404.</summary>
[Authorize]
[Route("red/proyectos")]
public class SharedController(EditionParticipation participation, SharedDeliverables shared, DeliverableAttachments attachments) : Controller
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
        return View("Shared", await shared.ListAsync(participant));
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
        return page is null ? NotFound() : View("SharedStage", page);
    }

    /// <summary>A file of a shared approved deliverable: the shared page's rules, and only files its approved submission refers to.</summary>
    [HttpGet("{projectId:int}/etapas/{key}/adjuntos/{attachmentId:int}")]
    public async Task<IActionResult> Attachment(int projectId, string key, int attachmentId)
    {
        var participant = await participation.ResolveAsync(User);
        if (participant is null || !SharedDeliverables.IsOpenTo(participant) || !await shared.IsSharedAttachmentAsync(participant, projectId, key, attachmentId))
        {
            return NotFound();
        }

        return await attachments.DownloadAsync(Response, projectId, attachmentId);
    }
}
