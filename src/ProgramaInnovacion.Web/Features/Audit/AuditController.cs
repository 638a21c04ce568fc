using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Audit;

public sealed record AuditRow(DateTime OccurredAtUtc, string? Actor, string Action, string EntityType, string? EntityId, string? Details);

public sealed record AuditPage(IReadOnlyList<AuditRow> Entries, int Page, int PageCount, int Total);

/// <summary>Who changed what and when, newest first.</summary>
[Authorize(Policy = Policies.Administration)]
[Route("admin/auditoria")]
public class AuditController(AppDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int pagina = 1)
    {
        var total = await db.AuditEntries.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pagina, 1, pageCount);
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.OccurredAtUtc, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync();
        return View(new AuditPage(entries, page, pageCount, total));
    }
}
