using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>
/// The public showcase: anonymous and read-only, with no form, so it sends no cookie and no
/// antiforgery token. Anonymous answers are cacheable by anyone for five minutes and carry an ETag
/// (a conditional request that still matches is a 304 without rendering); a signed-in person's
/// answer names them in the header, so it is private. An edition with nothing published is a 404.
/// The anonymous answers are also kept a minute on the server (<see cref="ShowcaseCache"/>).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = ShowcaseCache.Policy)]
public class ShowcaseController(ShowcaseQueries queries) : Controller
{
    private const int MaxAgeSeconds = 300;

    [HttpGet("vitrina")]
    public async Task<IActionResult> Index()
    {
        Cacheable();
        return View("ShowcaseIndex", await queries.EditionsAsync());
    }

    [HttpGet("vitrina/{edicion:int}")]
    public async Task<IActionResult> Edition(int edicion)
    {
        var version = await queries.VersionAsync(edicion);
        if (version is null)
        {
            return NotFound();
        }

        Cacheable();
        Response.Headers.ETag = version;
        if (Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Contains(version)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var model = await queries.ShowcaseAsync(edicion);
        return model is null ? NotFound() : View("Showcase", model);
    }

    [HttpGet("sitemap.xml")]
    public async Task<IActionResult> Sitemap()
    {
        Cacheable();
        var root = $"{Request.Scheme}://{Request.Host}";
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <url><loc>{SecurityElement.Escape(root)}/vitrina</loc></url>\n");
        foreach (var edition in await queries.EditionsAsync())
        {
            xml.Append(CultureInfo.InvariantCulture, $"  <url><loc>{SecurityElement.Escape(root)}/vitrina/{edition.Id}</loc></url>\n");
        }

        xml.Append("</urlset>\n");
        return Content(xml.ToString(), "application/xml", Encoding.UTF8);
    }

    private void Cacheable() =>
        Response.Headers.CacheControl = User.Identity?.IsAuthenticated == true ? "private, no-cache" : $"public, max-age={MaxAgeSeconds}";
}
