using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Dossier;

/// <summary>A project's dossier on one print-ready page, and as a PDF built on the server for coordinators to send by e-mail.</summary>
[Authorize]
[Route("proyectos/{id:int}")]
public class DossierController(IAuthorizationService authorization, DossierQueries dossiers) : Controller
{
    [HttpGet("dossier")]
    public async Task<IActionResult> Index(int id)
    {
        // 404 rather than 403: a team member must not learn which other project ids exist.
        if (!(await authorization.AuthorizeAsync(User, new ProjectResource(id), ProjectOperation.Read)).Succeeded)
        {
            return NotFound();
        }

        var model = await dossiers.BuildAsync(id);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("dossier.pdf")]
    [Authorize(Policy = Policies.Coordination)]
    // A coordinator of another edition gets 404, as on every other page of the project (the matrix found it open).
    [CoordinationScope("id", ScopedBy.Project)]
    public async Task<IActionResult> Pdf(int id)
    {
        var model = await dossiers.BuildAsync(id);
        if (model is null)
        {
            return NotFound();
        }

        return File(DossierPdf.Render(model), "application/pdf", $"dossier-{Slug(model.Municipality)}.pdf");
    }

    private static string Slug(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ')
            .Select(c => c == ' ' ? '-' : char.ToLowerInvariant(c)).ToArray());
}
