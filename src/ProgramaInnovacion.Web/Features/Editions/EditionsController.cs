using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Editions;

/// <summary>Coordinators read the editions; only administrators change them.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("admin/ediciones")]
[CoordinationScope("id", ScopedBy.Edition)]
public class EditionsController(EditionAdministration admin, CoordinationScope scope) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await admin.ListAsync(await scope.EditionIdsAsync(User)));

    [Authorize(Policy = Policies.Administration)]
    [HttpGet("nueva")]
    public async Task<IActionResult> Create(int? copiarDe)
    {
        var options = await admin.OptionsAsync();
        var form = new NewEditionForm { CopyFromEditionId = copiarDe ?? (options.Count > 0 ? options[0].Id : null) };
        return View(new NewEditionViewModel(form, options));
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("nueva")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] NewEditionForm form)
    {
        await AddErrorsAsync(form, null);
        if (form.CopyFromEditionId is { } source && (await admin.OptionsAsync()).All(e => e.Id != source))
        {
            // Copying from an edition that does not exist used to create an empty edition without a word.
            ModelState.AddModelError("Form." + nameof(NewEditionForm.CopyFromEditionId), "Esa edición no existe: elegí de la lista la edición cuyas etapas querés copiar, o «Empezar sin etapas».");
        }

        if (!ModelState.IsValid)
        {
            return View(new NewEditionViewModel(form, await admin.OptionsAsync()));
        }

        var id = await admin.CreateAsync(form, User);
        TempData["Message"] = "La edición quedó creada. Revisá sus etapas y sumá los proyectos.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var page = await admin.GetAsync(id);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] EditionForm form)
    {
        await AddErrorsAsync(form, id);
        if (ModelState.IsValid)
        {
            if (!await admin.UpdateAsync(id, form, User))
            {
                return NotFound();
            }

            TempData["Message"] = "Guardamos los cambios de la edición.";
            return RedirectToAction(nameof(Edit), new { id });
        }

        var page = await admin.GetAsync(id, form);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{id:int}/proyectos")]
    public async Task<IActionResult> AddProject(int id, int municipioId)
    {
        var error = (await admin.AddProjectAsync(id, municipioId, User)).Error;
        TempData[error is null ? "Message" : "Error"] = error ?? "El municipio se sumó a la edición con su primera etapa habilitada.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{id:int}/fase")]
    public async Task<IActionResult> MovePhase(int id, EditionPhase fase)
    {
        var error = (await admin.MovePhaseAsync(id, fase, User)).Error;
        TempData[error is null ? "Message" : "Error"] = error ?? $"La edición pasó a «{fase.Label()}».";
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task AddErrorsAsync(EditionForm form, int? id)
    {
        foreach (var (field, message) in await admin.ValidateAsync(form, id))
        {
            ModelState.AddModelError("Form." + field, message);
        }
    }
}
