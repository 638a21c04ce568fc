using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.Web.Features.Survey;

/// <summary>The coordination's side of the survey: the campaign, its questionnaire, the private links and the results.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("admin/ediciones/{id:int}/relevamiento")]
[CoordinationScope("id", ScopedBy.Edition)]
public class SurveyAdminController(SurveyService survey) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, string? provincia, MunicipalityCategory? categoria, int pagina = 1)
    {
        var page = await survey.AdminPageAsync(id, string.IsNullOrWhiteSpace(provincia) ? null : provincia, categoria, page: pagina);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("")]
    public async Task<IActionResult> Save(int id, [Bind(Prefix = "Form")] CampaignForm form)
    {
        if (ModelState.IsValid)
        {
            var result = await survey.SaveCampaignAsync(id, form, User);
            if (result.Succeeded)
            {
                TempData["Message"] = "Guardamos el relevamiento.";
                return RedirectToAction(nameof(Index), new { id });
            }

            foreach (var (field, message) in result.FieldErrors ?? new Dictionary<string, string>())
            {
                ModelState.AddModelError("Form." + field, message);
            }

            ModelState.AddModelError("", result.Error!);
        }

        var page = await survey.AdminPageAsync(id, form: form);
        return page is null ? NotFound() : View(nameof(Index), page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("dimensiones/{dimensionId:int}")]
    public async Task<IActionResult> Dimension(int id, int dimensionId, string? nombre, string? preguntas)
    {
        var result = await survey.SaveDimensionAsync(id, dimensionId, nombre, preguntas, User);
        TempData[result.Succeeded ? "Message" : "Error"] = result.Error ?? "Guardamos la dimensión.";
        return Redirect($"/admin/ediciones/{id}/relevamiento#cuestionario");
    }

    [HttpGet("municipios/{municipalityId:int}")]
    public async Task<IActionResult> Result(int id, int municipalityId)
    {
        var page = await survey.ResultAsync(id, municipalityId);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("exportar")]
    public async Task<IActionResult> Export(int id, string? formato)
    {
        if (await survey.ExportAsync(id) is not { } table)
        {
            return NotFound();
        }

        var xlsx = formato == "xlsx";
        var fileName = $"relevamiento-edicion-{id}.{(xlsx ? "xlsx" : "csv")}";
        return xlsx ? ExportResult.Xlsx(table, fileName) : ExportResult.Csv(table, fileName);
    }
}
