using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Authorization;

/// <summary>
/// "Which editions may this person coordinate?" — the one place that answers it. An administrator
/// coordinates every edition; a coordinator only the editions an administrator assigned to them;
/// anybody else none. Every coordination list filters by it and every coordination page of one
/// edition or project asks it (through <see cref="ProjectAccess"/> for projects), answering 404
/// outside the scope so other editions' ids do not leak. Scoped per request: looked up once.
/// </summary>
public class CoordinationScope(AppDbContext db)
{
    private HashSet<int>? _editions;
    private bool _loaded;
    private readonly Dictionary<int, int?> _projectEditions = [];

    /// <summary>Null when the person coordinates every edition (an administrator).</summary>
    public async Task<IReadOnlySet<int>?> EditionIdsAsync(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return null;
        }

        if (!_loaded)
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            _editions = userId is null || !user.IsInRole(Roles.Coordinator)
                ? []
                : (await db.CoordinatorEditions.Where(c => c.UserId == userId).Select(c => c.EditionId).ToListAsync()).ToHashSet();
            _loaded = true;
        }

        return _editions;
    }

    public async Task<bool> MayCoordinateEditionAsync(ClaimsPrincipal user, int editionId) =>
        await EditionIdsAsync(user) is not { } scope || scope.Contains(editionId);

    public async Task<bool> MayCoordinateProjectAsync(ClaimsPrincipal user, int projectId)
    {
        if (!_loaded && !user.IsInRole(Roles.Administrator) && user.IsInRole(Roles.Coordinator)
            && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            // The first question of the request: the coordinator's editions and the project's in one
            // command instead of two (every coordination page of a project asks it; issue 14).
            var rows = await db.CoordinatorEditions.Where(c => c.UserId == userId)
                .Select(c => new { c.EditionId, ProjectEdition = db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.EditionId).FirstOrDefault() })
                .ToListAsync();
            _editions = rows.Select(r => r.EditionId).ToHashSet();
            _loaded = true;
            if (rows.Count > 0)
            {
                _projectEditions[projectId] = rows[0].ProjectEdition;
            }
        }

        if (await EditionIdsAsync(user) is not { } scope)
        {
            return true;
        }

        if (scope.Count == 0)
        {
            return false;
        }

        if (!_projectEditions.TryGetValue(projectId, out var editionId))
        {
            editionId = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.EditionId).SingleOrDefaultAsync();
            _projectEditions[projectId] = editionId;
        }

        return editionId is { } id && scope.Contains(id);
    }
}

/// <summary>What a route or query value of a coordination endpoint names.</summary>
public enum ScopedBy
{
    Edition,
    Project,
}

/// <summary>
/// Applies <see cref="CoordinationScope"/> to a coordination action before it runs: the edition or
/// project named by <paramref name="parameter"/> (route value, else query string) must be one the
/// person coordinates, or the answer is a 404 — the same page as an id that does not exist. A
/// missing value passes: the action then picks an edition inside the scope itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoordinationScopeAttribute(string parameter, ScopedBy scopedBy) : Attribute, Microsoft.AspNetCore.Mvc.Filters.IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var raw = context.RouteData.Values.TryGetValue(parameter, out var value) ? value?.ToString() : http.Request.Query[parameter].ToString();
        if (!int.TryParse(raw, out var id))
        {
            return;
        }

        var scope = http.RequestServices.GetRequiredService<CoordinationScope>();
        var allowed = scopedBy == ScopedBy.Edition
            ? await scope.MayCoordinateEditionAsync(http.User, id)
            : await scope.MayCoordinateProjectAsync(http.User, id);
        if (!allowed)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
        }
    }
}
