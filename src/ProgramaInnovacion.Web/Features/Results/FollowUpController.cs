using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>
/// A project's follow-up after the panel: the team (and the coordination) report measured values,
/// activity statuses and adoptions; the coordination publishes the project on the showcase with
/// the team's consent. Read by whoever may read the project (ProjectAccess), anyone else gets 404.
/// </summary>
[Authorize]
[Route("proyectos/{id:int}/seguimiento")]
public class FollowUpController(ResultsQueries queries, FollowUpCommands commands, ProjectAccess access) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id)
    {
        if (!await access.IsAllowedAsync(User, id, ProjectOperation.Read))
        {
            return NotFound();
        }

        var mayCoordinate = await access.IsAllowedAsync(User, id, ProjectOperation.Review);
        var mayReport = mayCoordinate || await access.IsAllowedAsync(User, id, ProjectOperation.Edit);
        var model = await queries.FollowUpAsync(id, mayReport, mayCoordinate);
        return model is null ? NotFound() : View("FollowUp", model);
    }

    [HttpPost("mediciones")]
    public Task<IActionResult> Measure(int id, int indicador, string? valor, DateOnly? fecha, string? nota) =>
        Report(id, () => commands.RecordMeasurementAsync(User, id, indicador, valor, fecha, nota), "Se registró la medición.");

    [HttpPost("actividades")]
    public Task<IActionResult> Activity(int id, int actividad, ActivityStatus? estado, string? nota) =>
        Report(id, () => commands.SetActivityAsync(User, id, actividad, estado, nota), "Se guardó el estado de la actividad.");

    [HttpPost("adopciones")]
    public Task<IActionResult> Adoption(int id, int? municipio, DateOnly? fechaAdopcion, AdoptionStatus? estadoAdopcion, string? contacto, string? notaAdopcion) =>
        Report(id, () => commands.AddAdoptionAsync(User, id, municipio, fechaAdopcion, estadoAdopcion, contacto, notaAdopcion), "Se registró la adopción.");

    [HttpPost("vitrina")]
    public async Task<IActionResult> Publish(int id, bool consentimientoEquipo, string? consentimiento, bool recomendaciones)
    {
        if (!await access.IsAllowedAsync(User, id, ProjectOperation.Review))
        {
            return NotFound();
        }

        return Done(id, await commands.PublishAsync(User, id, consentimientoEquipo, consentimiento, recomendaciones), "El proyecto se publicó en la vitrina.");
    }

    [HttpPost("vitrina/retirar")]
    public async Task<IActionResult> Withdraw(int id)
    {
        if (!await access.IsAllowedAsync(User, id, ProjectOperation.Review))
        {
            return NotFound();
        }

        return Done(id, await commands.WithdrawAsync(User, id), "El proyecto ya no se muestra en la vitrina.");
    }

    private async Task<IActionResult> Report(int id, Func<Task<CommandResult>> command, string message)
    {
        if (!await access.IsAllowedAsync(User, id, ProjectOperation.Edit) && !await access.IsAllowedAsync(User, id, ProjectOperation.Review))
        {
            return NotFound();
        }

        return Done(id, await command(), message);
    }

    private RedirectToActionResult Done(int id, CommandResult result, string message)
    {
        TempData[result.Succeeded ? "Message" : "Error"] = result.Error ?? message;
        return RedirectToAction(nameof(Index), new { id });
    }
}
