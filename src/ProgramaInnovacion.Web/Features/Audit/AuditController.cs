using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Audit;

public sealed record AuditRow(DateTime OccurredAtUtc, string? Actor, string Action, string EntityType, string? EntityId, string? Details);

/// <param name="SignIns">True for the sign-in list, false for the changes.</param>
public sealed record AuditViewModel(IReadOnlyList<AuditRow> Entries, int Page, int PageCount, int Total, bool SignIns = false);

/// <summary>Who changed what and when, newest first; sign-ins in a list of their own.</summary>
[Authorize(Policy = Policies.Administration)]
[Route("admin/auditoria")]
public class AuditController(AppDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int pagina = 1, string? vista = null)
    {
        var signIns = vista == "ingresos";
        string[] signInActions = [.. AuditActions.SignIns];
        var query = signIns
            ? db.AuditEntries.AsNoTracking().Where(a => signInActions.Contains(a.Action))
            : db.AuditEntries.AsNoTracking().Where(a => !signInActions.Contains(a.Action));
        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pagina, 1, pageCount);
        var entries = await query
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.OccurredAtUtc, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync();
        // Stored names are stable keys; administrators read them in Spanish.
        var shown = entries.Select(e => e with { Action = AuditActions.Label(e.Action), EntityType = AuditActions.EntityLabel(e.EntityType) }).ToList();
        return View(new AuditViewModel(shown, page, pageCount, total, signIns));
    }
}
