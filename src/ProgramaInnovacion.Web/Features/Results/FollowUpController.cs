using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
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
public class FollowUpController(ResultsQueries queries, FollowUpCommands commands, ProjectAccess access, IOutputCacheStore showcaseCache) : Controller
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
    public Task<IActionResult> Measure(int id, int indicador, string? valor, string? fecha, string? nota) =>
        Report(id, new(FollowUpFormViewModel.Measurement, indicador, new Dictionary<string, string?> { ["valor"] = valor, ["fecha"] = fecha, ["nota"] = nota }),
            () => commands.RecordMeasurementAsync(User, id, indicador, valor, fecha, nota), "Se registró la medición.");

    [HttpPost("actividades")]
    public Task<IActionResult> Activity(int id, int actividad, ActivityStatus? estado, string? nota) =>
        Report(id, new(FollowUpFormViewModel.Activity, actividad, new Dictionary<string, string?> { ["estado"] = estado?.ToString(), ["nota"] = nota }),
            () => commands.SetActivityAsync(User, id, actividad, estado, nota), "Se guardó el estado de la actividad.");

    [HttpPost("adopciones")]
    public Task<IActionResult> Adoption(int id, int? municipio, string? fechaAdopcion, AdoptionStatus? estadoAdopcion, string? contacto, string? notaAdopcion) =>
        Report(id, new(FollowUpFormViewModel.Adoption, null, new Dictionary<string, string?>
        {
            ["municipio"] = municipio?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fechaAdopcion"] = fechaAdopcion,
            ["estadoAdopcion"] = estadoAdopcion?.ToString(),
            ["contacto"] = contacto,
            ["notaAdopcion"] = notaAdopcion,
        }),
            () => commands.AddAdoptionAsync(User, id, municipio, fechaAdopcion, estadoAdopcion, contacto, notaAdopcion), "Se registró la adopción.");

    [HttpPost("vitrina")]
    public async Task<IActionResult> Publish(int id, bool consentimientoEquipo, string? consentimiento, bool recomendaciones)
    {
        if (!await access.IsAllowedAsync(User, id, ProjectOperation.Review))
        {
            return NotFound();
        }

        return await DoneAsync(id, await commands.PublishAsync(User, id, consentimientoEquipo, consentimiento, recomendaciones), "El proyecto se publicó en la vitrina.");
    }

    [HttpPost("vitrina/retirar")]
    public async Task<IActionResult> Withdraw(int id)
    {
        if (!await access.IsAllowedAsync(User, id, ProjectOperation.Review))
        {
            return NotFound();
        }

        return await DoneAsync(id, await commands.WithdrawAsync(User, id), "El proyecto ya no se muestra en la vitrina.");
    }

    /// <summary>
    /// A report of the team or the coordination. Refused with errors by field, the page comes back
    /// with the form as typed and each message beside its field; anything else goes back to the page.
    /// </summary>
    private async Task<IActionResult> Report(int id, PostedForm posted, Func<Task<CommandResult>> command, string message)
    {
        if (!await access.IsAllowedAsync(User, id, ProjectOperation.Edit) && !await access.IsAllowedAsync(User, id, ProjectOperation.Review))
        {
            return NotFound();
        }

        var result = await command();
        if (result.Succeeded || result.FieldErrors is not { Count: > 0 } errors)
        {
            return await DoneAsync(id, result, message);
        }

        var mayCoordinate = await access.IsAllowedAsync(User, id, ProjectOperation.Review);
        var model = await queries.FollowUpAsync(id, mayReport: true, mayCoordinate);
        if (model is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("FollowUp", model with { Failed = new FollowUpFormViewModel(posted.Form, posted.ItemId, posted.Values, errors, result.Error!) });
    }

    /// <summary>What a follow-up form posted, kept to show it back when it is refused.</summary>
    public sealed record PostedForm(string Form, int? ItemId, IReadOnlyDictionary<string, string?> Values);

    private async Task<RedirectToActionResult> DoneAsync(int id, CommandResult result, string message)
    {
        if (result.Succeeded)
        {
            await ShowcaseCache.ForgetAsync(showcaseCache);
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Error ?? message;
        return RedirectToAction(nameof(Index), new { id });
    }
}
