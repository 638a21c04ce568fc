using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.StageTemplates;

/// <summary>
/// The stage-template editor of an edition. Coordinators read it; administrators change it. A
/// change to a stage that teams already submitted is shown back for confirmation first.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
[Route("admin/ediciones/{editionId:int}/etapas")]
[CoordinationScope("editionId", ScopedBy.Edition)]
public class StageTemplatesController(StageTemplateEditor editor) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int editionId)
    {
        var page = await editor.GetEditionAsync(editionId);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("")]
    public async Task<IActionResult> AddStage(int editionId, [Bind(Prefix = "NewStage")] NewStageForm form)
    {
        if (await editor.RoleTakenErrorAsync(editionId, null, form.Role) is { } roleError)
        {
            ModelState.AddModelError("NewStage.Role", roleError);
        }

        if (ModelState.IsValid && await editor.AddStageAsync(editionId, form, User) is { Succeeded: false } added)
        {
            foreach (var (field, message) in added.FieldErrors!)
            {
                ModelState.AddModelError("NewStage." + field, message);
            }
        }

        if (ModelState.IsValid)
        {
            TempData["Message"] = "La etapa quedó agregada al final. Sumale sus campos.";
            return RedirectToAction(nameof(Index), new { editionId });
        }

        var page = await editor.GetEditionAsync(editionId, form);
        return page is null ? NotFound() : View(nameof(Index), page);
    }

    [HttpGet("{stageId:int}")]
    public async Task<IActionResult> Stage(int editionId, int stageId)
    {
        var page = await editor.GetStageAsync(editionId, stageId);
        return page is null ? NotFound() : View(page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{stageId:int}")]
    public async Task<IActionResult> Stage(int editionId, int stageId, [Bind(Prefix = "Form")] StageForm form, bool confirmado = false)
    {
        if (await editor.RoleTakenErrorAsync(editionId, stageId, form.Role) is { } roleError)
        {
            ModelState.AddModelError("Form.Role", roleError);
        }

        if (!ModelState.IsValid)
        {
            var page = await editor.GetStageAsync(editionId, stageId, form);
            return page is null ? NotFound() : View(page);
        }

        if (await ConfirmationAsync(editionId, stageId, confirmado, $"Vas a cambiar los datos de la etapa «{form.Name}», que ya tiene entregas.") is { } confirm)
        {
            return confirm;
        }

        if (!await editor.UpdateStageAsync(editionId, stageId, form, User))
        {
            return NotFound();
        }

        TempData["Message"] = "Guardamos los datos de la etapa.";
        return RedirectToAction(nameof(Stage), new { editionId, stageId });
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{stageId:int}/mover")]
    public async Task<IActionResult> MoveStage(int editionId, int stageId, int direccion)
    {
        await editor.MoveStageAsync(editionId, stageId, direccion, User);
        return RedirectToAction(nameof(Index), new { editionId });
    }

    [HttpGet("{stageId:int}/campos/nuevo")]
    public async Task<IActionResult> NewField(int editionId, int stageId)
    {
        var page = await editor.GetFieldAsync(editionId, stageId, null);
        return page is null ? NotFound() : View("Field", page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{stageId:int}/campos/nuevo")]
    public Task<IActionResult> NewField(int editionId, int stageId, [Bind(Prefix = "Form")] FieldForm form, bool confirmado = false) =>
        SaveField(editionId, stageId, null, form, confirmado);

    [HttpGet("{stageId:int}/campos/{key}")]
    public async Task<IActionResult> EditField(int editionId, int stageId, string key)
    {
        var page = await editor.GetFieldAsync(editionId, stageId, key);
        return page is null ? NotFound() : View("Field", page);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{stageId:int}/campos/{key}")]
    public Task<IActionResult> EditField(int editionId, int stageId, string key, [Bind(Prefix = "Form")] FieldForm form, bool confirmado = false)
    {
        form.Key = key;
        return SaveField(editionId, stageId, key, form, confirmado);
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{stageId:int}/campos/{key}/quitar")]
    public async Task<IActionResult> RemoveField(int editionId, int stageId, string key, bool confirmado = false)
    {
        if (await ConfirmationAsync(editionId, stageId, confirmado, $"Vas a retirar el campo «{key}» de una etapa que ya tiene entregas. Lo que los equipos escribieron se conserva y se muestra como «Campos retirados».") is { } confirm)
        {
            return confirm;
        }

        var errors = await editor.EditSchemaAsync(editionId, stageId, (schema, _) => new SchemaEditResult(StageSchemaEditor.Remove(schema, key), []), User, AuditActions.FieldRetired, key);
        if (errors is null)
        {
            return NotFound();
        }

        TempData["Message"] = $"El campo «{key}» se retiró del formulario; su contenido guardado sigue visible como campo retirado.";
        return RedirectToAction(nameof(Stage), new { editionId, stageId });
    }

    [Authorize(Policy = Policies.Administration)]
    [HttpPost("{stageId:int}/campos/{key}/mover")]
    public async Task<IActionResult> MoveField(int editionId, int stageId, string key, int direccion, bool confirmado = false)
    {
        if (await ConfirmationAsync(editionId, stageId, confirmado, $"Vas a cambiar el orden de los campos de una etapa que ya tiene entregas.") is { } confirm)
        {
            return confirm;
        }

        var errors = await editor.EditSchemaAsync(editionId, stageId, (schema, _) => new SchemaEditResult(StageSchemaEditor.Move(schema, key, direccion), []), User, AuditActions.FieldsReordered,
            $"{key} {(direccion < 0 ? "sube" : "baja")}");
        return errors is null ? NotFound() : RedirectToAction(nameof(Stage), new { editionId, stageId });
    }

    private async Task<IActionResult> SaveField(int editionId, int stageId, string? key, FieldForm form, bool confirmado)
    {
        var (field, parseError) = form.ToDefinition();
        if (field is null)
        {
            ModelState.AddModelError("Form.Columns", parseError!);
        }
        else if (ModelState.IsValid)
        {
            SchemaEditResult Edit(StageSchema schema, HashSet<string> withContent) =>
                key is null ? StageSchemaEditor.Add(schema, field, withContent) : StageSchemaEditor.Update(schema, field, withContent);
            var action = key is null ? AuditActions.FieldAdded : AuditActions.FieldEdited;
            var details = $"{field.Key} ({field.Type.Label()}): {field.Label}";

            // The rules first, so a refused change never reaches the confirm step.
            var errors = await editor.EditSchemaAsync(editionId, stageId, Edit, User, action, details, save: false);
            if (errors is null)
            {
                return NotFound();
            }

            if (errors.Count == 0)
            {
                if (await ConfirmationAsync(editionId, stageId, confirmado, $"Vas a {(key is null ? "agregar" : "cambiar")} el campo «{field.Label}» en una etapa que ya tiene entregas.") is { } confirm)
                {
                    return confirm;
                }

                errors = await editor.EditSchemaAsync(editionId, stageId, Edit, User, action, details) ?? [];
                if (errors.Count == 0)
                {
                    TempData["Message"] = $"Guardamos el campo «{field.Label}».";
                    return RedirectToAction(nameof(Stage), new { editionId, stageId });
                }
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError("Form." + error.Field, error.Message);
            }
        }

        var page = await editor.GetFieldAsync(editionId, stageId, key, form);
        return page is null ? NotFound() : View("Field", page);
    }

    /// <summary>The confirm step: null to go ahead, or a page that re-posts the same values with confirmado=true.</summary>
    private async Task<IActionResult?> ConfirmationAsync(int editionId, int stageId, bool confirmed, string message)
    {
        if (confirmed || !await editor.HasSubmissionsAsync(stageId))
        {
            return null;
        }

        var values = Request.Form
            .Where(f => f.Key is not ("__RequestVerificationToken" or "confirmado"))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
            .ToList();
        return View("Confirm", new ConfirmViewModel(Request.Path, message, values, $"/admin/ediciones/{editionId}/etapas/{stageId}"));
    }
}
