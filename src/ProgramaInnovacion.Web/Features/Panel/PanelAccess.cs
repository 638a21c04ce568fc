using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Authorization;

namespace ProgramaInnovacion.Web.Features.Panel;

/// <summary>What an assigned expert may do with one project's panel. Bound into PanelController's actions once <see cref="ExpertPanelAttribute"/> authorized the request.</summary>
/// <param name="Phase">Where the project's panel is; never NotOpen (the expert gets a 404 then).</param>
/// <param name="EvaluationStatus">The expert's own evaluation; null before they save anything.</param>
[ModelBinder(typeof(ExpertAccessBinder))]
public sealed record ExpertAccess(int AssignmentId, int ProjectId, ConflictDeclaration Declaration, PanelPhase Phase, EvaluationStatus? EvaluationStatus = null)
{
    /// <summary>The coordinator closed the panel: everything is read-only.</summary>
    public bool PanelClosed => Phase == PanelPhase.Closed;

    /// <summary>This assignment as PanelWorkflow sees it (whether others submitted matters only to the coordinator's publishing).</summary>
    public PanelSituation Situation => new(Phase, PanelWorkflow.State(Declaration, EvaluationStatus), EvaluationStatus == Core.Domain.EvaluationStatus.Submitted);

    /// <summary>Deliverables and the evaluation are shown only after declaring no conflict of interest.</summary>
    public bool MayRead => PanelWorkflow.MaySee(PanelView.Deliverables, Situation, PanelActor.AssignedExpert);
}

/// <summary>The project whose expert panel a resource-based authorization check is about.</summary>
public sealed record PanelResource(int ProjectId);

/// <summary>What an expert wants to do with a project's panel.</summary>
public sealed class ExpertPanelOperation(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;

    /// <summary>Reach the project's panel page and declare: assigned, and the panel is open.</summary>
    public static readonly ExpertPanelOperation Participate = new(nameof(Participate));

    /// <summary>Read the deliverables, evaluate and print: also declared no conflict of interest.</summary>
    public static readonly ExpertPanelOperation Read = new(nameof(Read));
}

/// <summary>
/// Who may see what of the expert panel — the one place that answers it. An expert reaches a
/// project only while assigned to it and once its panel is open (the expert-panel stage is no
/// longer locked); anything else is a 404 so project ids are not revealed. Teams see the panel's
/// result only after the coordinator publishes it. Scoped per request: an expert's assignment is
/// looked up once, however many checks the request makes. It asks ProjectAccess, not the
/// authorization service, because the service's handlers depend on this class.
/// </summary>
public class PanelAccess(AppDbContext db, ProjectAccess projects)
{
    private readonly Dictionary<(string UserId, int ProjectId), ExpertAccess?> _experts = [];

    /// <summary>Null when the user is not an expert assigned to this project with its panel open.</summary>
    public async Task<ExpertAccess?> ForExpertAsync(ClaimsPrincipal user, int projectId)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.Expert))
        {
            return null;
        }

        if (!_experts.TryGetValue((userId, projectId), out var expert))
        {
            expert = await LoadAsync(userId, projectId);
            _experts[(userId, projectId)] = expert;
        }

        return expert;
    }

    private async Task<ExpertAccess?> LoadAsync(string userId, int projectId)
    {
        var row = await db.PanelAssignments.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.ExpertId == userId)
            .Select(a => new
            {
                a.Id,
                a.Declaration,
                EvaluationStatus = a.Evaluation == null ? (EvaluationStatus?)null : a.Evaluation.Status,
                PanelState = a.Project.Stages.Where(s => s.StageDefinition.Role == StageRole.ExpertPanel).Select(s => (StageState?)s.State).FirstOrDefault(),
                Published = db.PanelPublications.Any(p => p.ProjectId == a.ProjectId),
                Closed = db.PanelPublications.Any(p => p.ProjectId == a.ProjectId && p.ClosedAtUtc != null),
            })
            .SingleOrDefaultAsync();
        var phase = row is null ? PanelPhase.NotOpen : PanelWorkflow.Phase(row.PanelState, row.Published, row.Closed);
        return row is null || phase == PanelPhase.NotOpen ? null : new ExpertAccess(row.Id, projectId, row.Declaration, phase, row.EvaluationStatus);
    }

    /// <summary>The team (or coordination) may read the published result of its own project.</summary>
    public Task<bool> MayReadResultAsync(ClaimsPrincipal user, int projectId) =>
        projects.IsAllowedAsync(user, projectId, ProjectOperation.Read);

    /// <summary>Only the project's team answers the recommendations, and only once published.</summary>
    public async Task<bool> MayAnswerAsync(ClaimsPrincipal user, int projectId) =>
        await projects.IsAllowedAsync(user, projectId, ProjectOperation.Edit) && await db.PanelPublications.AnyAsync(p => p.ProjectId == projectId);
}

/// <summary>The expert's access to a project's panel: assigned with the panel open, and for reading, declared no conflict.</summary>
public class ExpertPanelAccessHandler(PanelAccess access) : AuthorizationHandler<ExpertPanelOperation, PanelResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ExpertPanelOperation requirement, PanelResource resource)
    {
        var expert = await access.ForExpertAsync(context.User, resource.ProjectId);
        if (expert is not null && (requirement == ExpertPanelOperation.Participate || expert.MayRead))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Authorizes an expert-panel action of the project in the route ({projectId}) before it runs,
/// through <see cref="ExpertPanelAccessHandler"/>: refused is a 404, so unassigned experts learn
/// nothing; with <see cref="DeclareFirst"/>, an assigned expert who has not declared yet is sent
/// to the declaration instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExpertPanelAttribute : Attribute, IAsyncAuthorizationFilter
{
    /// <summary>Needs the Read operation (declared no conflict), not only Participate.</summary>
    public bool Read { get; init; }

    /// <summary>Refused Read but allowed to participate: redirect to the project's panel page (its declaration) rather than 404.</summary>
    public bool DeclareFirst { get; init; }

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        var user = context.HttpContext.User;
        var resource = new PanelResource(ExpertAccessBinder.ProjectId(context.RouteData));
        if ((await authorization.AuthorizeAsync(user, resource, Read ? ExpertPanelOperation.Read : ExpertPanelOperation.Participate)).Succeeded)
        {
            return;
        }

        context.Result = DeclareFirst && (await authorization.AuthorizeAsync(user, resource, ExpertPanelOperation.Participate)).Succeeded
            ? new RedirectToActionResult(nameof(PanelController.Project), "Panel", new { projectId = resource.ProjectId })
            : new NotFoundResult();
    }
}

/// <summary>Gives an action authorized by <see cref="ExpertPanelAttribute"/> the expert's access (looked up once per request by PanelAccess); never bound from the request body.</summary>
public sealed class ExpertAccessBinder : IModelBinder
{
    internal static int ProjectId(RouteData route) =>
        int.TryParse(route.Values["projectId"]?.ToString(), out var id) ? id : 0;

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var access = bindingContext.HttpContext.RequestServices.GetRequiredService<PanelAccess>();
        var expert = await access.ForExpertAsync(bindingContext.HttpContext.User, ProjectId(bindingContext.ActionContext.RouteData));
        bindingContext.Result = expert is null ? ModelBindingResult.Failed() : ModelBindingResult.Success(expert);
    }
}
