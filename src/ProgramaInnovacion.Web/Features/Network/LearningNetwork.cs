using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Notifications;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Network;

/// <summary>
/// The edition's learning network: the feed (pinned first, then newest), posts with comments,
/// authors editing their own posts, coordinators pinning and hiding. Callers resolve the
/// Participant first; every query is scoped to the participant's edition.
/// </summary>
public class LearningNetwork(AppDbContext db, TimeProvider time, AuditLog audit, Notifier notifier)
{
    public const int PageSize = 20;

    public async Task<FeedViewModel> FeedAsync(Participant participant, FeedFilter filter)
    {
        var posts = Visible(participant);
        if (PostKindText.FromSlug(filter.Tipo) is { } kind)
        {
            posts = posts.Where(p => p.Kind == kind);
        }

        if (filter.Etapa is { } stage)
        {
            posts = posts.Where(p => p.StageDefinitionId == stage);
        }

        if (filter.Municipio is { } municipality)
        {
            posts = posts.Where(p => p.Project != null && p.Project.MunicipalityId == municipality);
        }

        var total = await posts.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Pagina, 1, pageCount);
        var rows = await posts
            .OrderByDescending(p => p.IsPinned)
            .ThenByDescending(p => p.CreatedAtUtc)
            .ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new PostSummary(p.Id, p.Title, p.Kind, p.StageDefinition != null ? p.StageDefinition.Name : null, p.Author.DisplayName,
                p.Project != null ? p.Project.Municipality.Name : null, p.CreatedAtUtc, p.IsPinned, p.IsHidden, p.Comments.Count))
            .ToListAsync();
        var stages = await StagesAsync(participant.EditionId);
        var municipalities = await db.Projects.AsNoTracking()
            .Where(p => p.EditionId == participant.EditionId)
            .OrderBy(p => p.Municipality.Name)
            .Select(p => new FilterOption(p.MunicipalityId, p.Municipality.Name))
            .ToListAsync();
        return new FeedViewModel(participant, filter, rows, total, page, pageCount, stages, municipalities);
    }

    public async Task<int?> EditionOfPostAsync(int postId) =>
        await db.NetworkPosts.AsNoTracking().Where(p => p.Id == postId).Select(p => (int?)p.EditionId).SingleOrDefaultAsync();

    public Task<List<FilterOption>> StagesAsync(int editionId) =>
        db.StageDefinitions.AsNoTracking().Where(d => d.EditionId == editionId).OrderBy(d => d.Order).Select(d => new FilterOption(d.Id, d.Name)).ToListAsync();

    public async Task<PostDetails?> GetAsync(Participant participant, int id)
    {
        var post = await Visible(participant).Where(p => p.Id == id).Select(p => new
        {
            p.Id,
            p.Title,
            p.Kind,
            Stage = p.StageDefinition != null ? p.StageDefinition.Name : null,
            Author = p.Author.DisplayName,
            p.AuthorId,
            Municipality = p.Project != null ? p.Project.Municipality.Name : null,
            p.BodyMarkdown,
            p.CreatedAtUtc,
            p.EditedAtUtc,
            p.IsPinned,
            p.IsHidden,
            Comments = p.Comments.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id).Select(c => new
            {
                Author = c.Author.DisplayName,
                c.AuthorId,
                c.BodyMarkdown,
                c.CreatedAtUtc,
            }).ToList(),
        }).SingleOrDefaultAsync();
        if (post is null)
        {
            return null;
        }

        // The team each commenter belongs to in this edition, in one query for all comments.
        var authorIds = post.Comments.Select(c => c.AuthorId).Distinct().ToList();
        var teams = (await db.ProjectMembers.AsNoTracking()
                .Where(m => authorIds.Contains(m.UserId) && m.Project.EditionId == participant.EditionId)
                .Select(m => new { m.UserId, m.Project.Municipality.Name })
                .ToListAsync())
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().Name);

        return new PostDetails(post.Id, post.Title, post.Kind, post.Stage, post.Author, post.Municipality, post.BodyMarkdown, post.CreatedAtUtc, post.EditedAtUtc,
            post.IsPinned, post.IsHidden, post.AuthorId == participant.UserId, participant.IsCoordinator,
            post.Comments.Select(c => new CommentView(c.Author, teams.GetValueOrDefault(c.AuthorId), c.BodyMarkdown, c.CreatedAtUtc)).ToList());
    }

    /// <summary>The form of a post its author may edit; null when it is not theirs (or not visible).</summary>
    public async Task<PostForm?> GetOwnFormAsync(Participant participant, int id) =>
        await Visible(participant).Where(p => p.Id == id && p.AuthorId == participant.UserId)
            .Select(p => new PostForm { Kind = p.Kind, StageDefinitionId = p.StageDefinitionId, Title = p.Title, Body = p.BodyMarkdown })
            .SingleOrDefaultAsync();

    /// <summary>Null when the stage is not one of the edition's.</summary>
    public async Task<string?> ValidateStageAsync(Participant participant, PostForm form) =>
        form.StageDefinitionId is { } stageId && !await db.StageDefinitions.AnyAsync(d => d.Id == stageId && d.EditionId == participant.EditionId)
            ? "Elegí una etapa de la lista."
            : null;

    public Task<int> CreateAsync(Participant participant, PostForm form, ClaimsPrincipal user) =>
        db.InTransactionAsync(async () =>
        {
            var post = NewPost(participant, form);
            db.NetworkPosts.Add(post);
            await db.SaveChangesAsync(); // the audit entry records the new id
            audit.Record(user, AuditActions.PostCreated, nameof(NetworkPost), post.Id, post.Title);
            await notifier.RaiseAsync(new PortalEvent(PortalEventKind.NetworkPosted, participant.UserId, post.Title, $"/red/{post.Id}")
            {
                EditionId = post.EditionId,
                Detail = $"{post.Kind.Label()}: {NotificationTexts.Excerpt(post.BodyMarkdown)}",
            });
            await db.SaveChangesAsync();
            return post.Id;
        });

    private NetworkPost NewPost(Participant participant, PostForm form) =>
        new()
        {
            EditionId = participant.EditionId,
            AuthorId = participant.UserId,
            ProjectId = participant.ProjectId,
            Kind = form.Kind!.Value,
            StageDefinitionId = form.StageDefinitionId,
            Title = form.Title!.Trim(),
            BodyMarkdown = form.Body!.Trim(),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };

    public async Task<bool> UpdateAsync(Participant participant, int id, PostForm form, ClaimsPrincipal user)
    {
        var post = await db.NetworkPosts.SingleOrDefaultAsync(p => p.Id == id && p.EditionId == participant.EditionId && p.AuthorId == participant.UserId && (!p.IsHidden || participant.IsCoordinator));
        if (post is null)
        {
            return false;
        }

        post.Kind = form.Kind!.Value;
        post.StageDefinitionId = form.StageDefinitionId;
        post.Title = form.Title!.Trim();
        post.BodyMarkdown = form.Body!.Trim();
        post.EditedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(user, AuditActions.PostEdited, nameof(NetworkPost), post.Id, post.Title);
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<bool> AddCommentAsync(Participant participant, int postId, string body, ClaimsPrincipal user)
    {
        var post = await Visible(participant).Where(p => p.Id == postId).Select(p => new { p.Title, p.AuthorId }).SingleOrDefaultAsync();
        if (post is null)
        {
            return false;
        }

        var title = post.Title;
        await notifier.RaiseAsync(new PortalEvent(PortalEventKind.NetworkCommented, participant.UserId, title, $"/red/{postId}")
        {
            Named = [post.AuthorId],
            Detail = NotificationTexts.Excerpt(body.Trim()),
        });

        db.NetworkComments.Add(new NetworkComment { PostId = postId, AuthorId = participant.UserId, BodyMarkdown = body.Trim(), CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        audit.Record(user, AuditActions.PostCommented, nameof(NetworkPost), postId, title);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Coordinators pin or unpin, hide or show a post of their edition.</summary>
    public async Task<bool> ModerateAsync(Participant participant, int postId, bool? pinned, bool? hidden, ClaimsPrincipal user)
    {
        var post = await db.NetworkPosts.SingleOrDefaultAsync(p => p.Id == postId && p.EditionId == participant.EditionId);
        if (post is null || !participant.IsCoordinator)
        {
            return false;
        }

        if (pinned is { } pin)
        {
            post.IsPinned = pin;
            audit.Record(user, pin ? AuditActions.PostPinned : AuditActions.PostUnpinned, nameof(NetworkPost), post.Id, post.Title);
        }

        if (hidden is { } hide)
        {
            post.IsHidden = hide;
            audit.Record(user, hide ? AuditActions.PostHidden : AuditActions.PostShown, nameof(NetworkPost), post.Id, post.Title);
        }

        await db.SaveChangesAsync();
        return true;
    }

    private IQueryable<NetworkPost> Visible(Participant participant) =>
        db.NetworkPosts.AsNoTracking().Where(p => p.EditionId == participant.EditionId && (!p.IsHidden || participant.IsCoordinator));
}
