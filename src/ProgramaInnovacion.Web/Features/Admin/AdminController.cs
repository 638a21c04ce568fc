using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Admin;

/// <summary>The entry to the program's administration.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("admin")]
public class AdminController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
