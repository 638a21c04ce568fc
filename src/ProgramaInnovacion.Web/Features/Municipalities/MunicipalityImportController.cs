using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Municipalities;

/// <summary>The administrators' tools over all municipalities: the category bands and the CSV import.</summary>
[Authorize(Policy = Policies.Administration)]
[Route("admin/municipios")]
public class MunicipalityImportController(MunicipalityCategories categories, MunicipalityImporter importer) : Controller
{
    [HttpGet("categorias")]
    public async Task<IActionResult> Bands() => View(await categories.PageAsync());

    [HttpPost("categorias")]
    public async Task<IActionResult> Bands([Bind(Prefix = "Form")] CategoryBandsForm form)
    {
        var result = await categories.SaveBandsAsync(form, User);
        if (result.Succeeded)
        {
            TempData["Message"] = result.Value == 1
                ? "Guardamos las categorías: 1 municipio cambió de categoría."
                : $"Guardamos las categorías: {result.Value} municipios cambiaron de categoría.";
            return RedirectToAction(nameof(Bands));
        }

        foreach (var (field, message) in result.FieldErrors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError("Form." + field, message);
        }

        ModelState.AddModelError("", result.Error!);
        return View(await categories.PageAsync(form));
    }

    [HttpGet("importar")]
    public IActionResult Import() => View(new ImportPreview(null, [], ""));

    /// <summary>The preview: nothing is written until the administrator confirms.</summary>
    [HttpPost("importar")]
    [RequestSizeLimit(MunicipalityCsv.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? archivo)
    {
        if (archivo is null || archivo.Length == 0)
        {
            ModelState.AddModelError("archivo", "Elegí un archivo CSV con los municipios.");
            return View(new ImportPreview(null, [], ""));
        }

        if (archivo.Length > MunicipalityCsv.MaxBytes)
        {
            ModelState.AddModelError("archivo", $"El archivo pesa más de {MunicipalityCsv.MaxBytes / 1024 / 1024} MB; un CSV de todos los municipios del país pesa menos de 1 MB.");
            return View(new ImportPreview(null, [], ""));
        }

        using var buffer = new MemoryStream();
        await archivo.CopyToAsync(buffer);
        var preview = await importer.PreviewAsync(buffer.ToArray());
        if (preview.Error is { } error)
        {
            ModelState.AddModelError("archivo", error);
        }

        return View(preview);
    }

    [HttpPost("importar/confirmar")]
    [RequestSizeLimit(2 * MunicipalityCsv.MaxBytes)]
    [RequestFormLimits(ValueLengthLimit = 2 * MunicipalityCsv.MaxBytes)]
    public async Task<IActionResult> Confirm(string? contenido)
    {
        var result = await importer.ConfirmAsync(contenido, User);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("archivo", result.Error!);
            return View(nameof(Import), new ImportPreview(null, [], ""));
        }

        var outcome = result.Value!;
        TempData["Message"] = $"Importación terminada: {outcome.Created} municipios nuevos, {outcome.Updated} actualizados, {outcome.Unchanged} sin cambios"
            + (outcome.Invalid > 0 ? $" y {outcome.Invalid} filas con errores que no se importaron." : ".");
        return Redirect("/admin/municipios");
    }
}
