using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>
/// The expert's side of the panel: assignments, conflict-of-interest declaration, reading the
/// approved deliverables, the evaluation and the print view. Each action declares the access it
/// needs with [ExpertPanel] (one authorization handler); anything not assigned is a 404.
/// </summary>
[Authorize(Policy = Policies.Expert)]
[Route("panel")]
public class PanelController(PanelQueries queries, PanelService panel, DeliverableAttachments attachments) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await queries.ExpertAssignmentsAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!));

    [ExpertPanel]
    [HttpGet("proyectos/{projectId:int}")]
    public async Task<IActionResult> Project(ExpertAccess expert) => View(await ProjectModelAsync(expert));

    [ExpertPanel]
    [HttpPost("proyectos/{projectId:int}/declaracion")]
    public async Task<IActionResult> Declare(int projectId, ExpertAccess expert, DeclarationForm form)
    {
        var outcome = ModelState.IsValid ? await panel.DeclareAsync(User, expert, form) : CommandResult.Fail("Revisá la declaración.");
        if (!outcome.Succeeded)
        {
            AddErrors(outcome);
            return View(nameof(Project), await ProjectModelAsync(expert) with { Form = form });
        }

        TempData["Message"] = form.NoConflict == true
            ? "Registramos tu declaración: no tenés conflicto de interés. Ya podés leer el proyecto."
            : "Registramos que declinás esta evaluación. La coordinación verá tu motivo.";
        return RedirectToAction(nameof(Project), new { projectId });
    }

    [ExpertPanel(Read = true, DeclareFirst = true)]
    [HttpGet("proyectos/{projectId:int}/evaluacion")]
    public async Task<IActionResult> Evaluation(ExpertAccess expert)
    {
        var model = await queries.EvaluationPageAsync(expert);
        return model is null ? NotFound() : View(model);
    }

    [ExpertPanel(Read = true, DeclareFirst = true)]
    [HttpPost("proyectos/{projectId:int}/evaluacion")]
    public async Task<IActionResult> Evaluation(int projectId, ExpertAccess expert, EvaluationForm form, bool confirmado = false)
    {
        // Sending locks the evaluation: an evaluation that could be sent gets a second look first.
        var confirming = form.Command == "enviar" && !confirmado && ModelState.IsValid;
        var outcome = !ModelState.IsValid ? CommandResult.Fail("Revisá los datos marcados.")
            : confirming ? await panel.CheckSubmissionAsync(expert, form)
            : await panel.SaveEvaluationAsync(User, expert, form);
        if (outcome.Succeeded && confirming)
        {
            var heading = (await queries.HeadingAsync(projectId))!;
            return View(ConfirmStepViewModel.View, new ConfirmStepViewModel(
                "Confirmá el envío de tu evaluación",
                $"Vas a enviar tu evaluación del proyecto de {heading.Municipality}. Una vez enviada queda bloqueada: no vas a poder cambiar puntajes ni recomendaciones; solo la coordinación puede reabrirla.",
                [], Request.Path, ConfirmStepViewModel.PostedValues(Request.Form, nameof(EvaluationForm.Command)),
                new ConfirmButton("Sí, enviar evaluación", nameof(EvaluationForm.Command), "enviar"),
                new ConfirmButton("No, guardar como borrador", nameof(EvaluationForm.Command), "guardar"),
                Url.Action(nameof(Evaluation), new { projectId })!));
        }

        if (!outcome.Succeeded)
        {
            AddErrors(outcome);
            var model = await queries.EvaluationPageAsync(expert, form);
            return model is null ? NotFound() : View(model);
        }

        TempData["Message"] = form.Command switch
        {
            "enviar" => "Enviaste tu evaluación. Ahora podés ver las evaluaciones de los demás expertos.",
            "agregar" when !string.IsNullOrWhiteSpace(form.NewRecommendation.Text) => "Agregamos la recomendación y guardamos el borrador.",
            _ => "Guardamos el borrador de tu evaluación.",
        };
        return RedirectToAction(nameof(Evaluation), new { projectId });
    }

    [ExpertPanel(Read = true, DeclareFirst = true)]
    [HttpGet("proyectos/{projectId:int}/imprimir")]
    public async Task<IActionResult> Print(int projectId)
    {
        var model = await PrintModelAsync(queries, projectId, Url.Action(nameof(Project), new { projectId })!, PanelUrls.Attachment);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>
    /// A file of the approved deliverables, for the expert who may read them: the project page's
    /// rule (assigned, panel open, no conflict of interest declared) and only files those
    /// deliverables refer to. Anything else is a 404.
    /// </summary>
    [ExpertPanel(Read = true)]
    [HttpGet("proyectos/{projectId:int}/adjuntos/{attachmentId:int}")]
    public async Task<IActionResult> Attachment(int projectId, int attachmentId) =>
        await queries.IsApprovedAttachmentAsync(projectId, attachmentId) ? await attachments.DownloadAsync(Response, projectId, attachmentId) : NotFound();

    internal static async Task<PrintViewModel?> PrintModelAsync(PanelQueries queries, int projectId, string backUrl, Func<int, int, string> attachmentUrl)
    {
        if (await queries.PrintHeadingAsync(projectId) is not { } heading)
        {
            return null;
        }

        var approved = await queries.ApprovedDeliverablesAsync(projectId, attachmentUrl, StageRole.FinalProject);
        var final = approved.Count > 0 ? approved[0] : null;
        return new PrintViewModel(heading.Project, heading.Edition, final, backUrl);
    }

    private async Task<ExpertProjectViewModel> ProjectModelAsync(ExpertAccess expert)
    {
        var heading = (await queries.HeadingAsync(expert.ProjectId))!;
        // Nothing of the project's content before the expert declares no conflict of interest.
        var deliverables = expert.MayRead ? await queries.ApprovedDeliverablesAsync(expert.ProjectId, PanelUrls.Attachment) : [];
        var status = expert.MayRead ? expert.EvaluationStatus : null;
        return new ExpertProjectViewModel(heading, expert, status, deliverables);
    }

    private void AddErrors(CommandResult outcome)
    {
        foreach (var (key, message) in outcome.FieldErrors ?? new Dictionary<string, string>())
        {
            ModelState.AddModelError(key, message);
        }

        if (outcome.Error is not null && !(outcome.FieldErrors?.ContainsKey("") ?? false))
        {
            ModelState.AddModelError("", outcome.Error);
        }
    }
}
