using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ProgramaInnovacion.Web.Features.Survey;

/// <summary>A municipality answers the survey through its private link, without an account.</summary>
[AllowAnonymous]
[Route("relevamiento/{token}")]
public class SurveyController(SurveyService survey) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Answer(string token)
    {
        var page = await survey.AnswerPageAsync(token);
        return page is null ? NotFound() : View(page);
    }

    /// <param name="respuestas">Question id → 0–4 (a question left blank stays unanswered).</param>
    [HttpPost("")]
    public async Task<IActionResult> Save(string token, Dictionary<int, int?>? respuestas, string? accion)
    {
        respuestas ??= []; // a form without any answer binds no dictionary
        var submit = accion == "enviar";
        var result = ModelState.IsValid ? await survey.SaveAnswersAsync(token, respuestas, submit) : Infrastructure.CommandResult.Fail("Cada respuesta va de 0 a 4.");
        if (result.Succeeded)
        {
            TempData["Message"] = submit ? "Enviamos las respuestas. Podés cambiarlas hasta el cierre del relevamiento." : "Guardamos el borrador.";
            return Redirect(SurveyService.AnswerPath(token));
        }

        ModelState.AddModelError("", result.Error!);
        var page = await survey.AnswerPageAsync(token, respuestas.Where(r => r.Value is not null).ToDictionary(r => r.Key, r => r.Value!.Value));
        return page is null ? NotFound() : View(nameof(Answer), page);
    }
}
