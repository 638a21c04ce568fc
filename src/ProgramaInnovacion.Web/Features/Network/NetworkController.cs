using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ProgramaInnovacion.Web.Features.Network;

/// <summary>
/// Red de aprendizaje. Only the edition's participants see it; anyone else gets 404, so a team of
/// another edition cannot even learn that a post exists.
/// </summary>
[Authorize]
[Route("red")]
public class NetworkController(EditionParticipation participation, LearningNetwork network) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] FeedFilter filter, [FromQuery] int? edicion)
    {
        var participant = await participation.ResolveAsync(User, edicion);
        if (participant is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            filter = new FeedFilter();
            ModelState.Clear();
        }

        return View(await network.FeedAsync(participant, filter));
    }

    [HttpGet("nueva")]
    public async Task<IActionResult> Create()
    {
        var participant = await participation.ResolveAsync(User);
        return participant is null ? NotFound() : View("Form", await FormPageAsync(participant, null, new PostForm()));
    }

    [HttpPost("nueva")]
    public async Task<IActionResult> Create(PostForm form)
    {
        var participant = await participation.ResolveAsync(User);
        if (participant is null)
        {
            return NotFound();
        }

        if (await network.ValidateStageAsync(participant, form) is { } stageError)
        {
            ModelState.AddModelError(nameof(PostForm.StageDefinitionId), stageError);
        }

        if (!ModelState.IsValid)
        {
            return View("Form", await FormPageAsync(participant, null, form));
        }

        var id = await network.CreateAsync(participant, form, User);
        TempData["Message"] = "Publicaste en la Red de aprendizaje.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var participant = await ForPostAsync(id);
        var post = participant is null ? null : await network.GetAsync(participant, id);
        return post is null ? NotFound() : View(new PostViewModel { Post = post });
    }

    [HttpPost("{id:int}/comentarios")]
    public async Task<IActionResult> Comment(int id, [Bind(Prefix = "Comment")] CommentForm comment)
    {
        var participant = await ForPostAsync(id);
        if (participant is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            var post = await network.GetAsync(participant, id);
            return post is null ? NotFound() : View(nameof(Details), new PostViewModel { Post = post, Comment = comment });
        }

        if (!await network.AddCommentAsync(participant, id, comment.Body!, User))
        {
            return NotFound();
        }

        TempData["Message"] = "Comentario publicado.";
        return Redirect(Url.Action(nameof(Details), new { id }) + "#comentarios");
    }

    [HttpGet("{id:int}/editar")]
    public async Task<IActionResult> Edit(int id)
    {
        var participant = await ForPostAsync(id);
        var form = participant is null ? null : await network.GetOwnFormAsync(participant, id);
        return form is null ? NotFound() : View("Form", await FormPageAsync(participant!, id, form));
    }

    [HttpPost("{id:int}/editar")]
    public async Task<IActionResult> Edit(int id, PostForm form)
    {
        // Someone else's post is not found, before any validation answers with its form (as the GET).
        var participant = await ForPostAsync(id);
        if (participant is null || await network.GetOwnFormAsync(participant, id) is null)
        {
            return NotFound();
        }

        if (await network.ValidateStageAsync(participant, form) is { } stageError)
        {
            ModelState.AddModelError(nameof(PostForm.StageDefinitionId), stageError);
        }

        if (!ModelState.IsValid)
        {
            return View("Form", await FormPageAsync(participant, id, form));
        }

        // UpdateAsync only touches the participant's own post: false for anyone else's.
        if (!await network.UpdateAsync(participant, id, form, User))
        {
            return NotFound();
        }

        TempData["Message"] = "Guardaste los cambios de la publicación.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize(Policy = Authorization.Policies.Coordination)]
    [HttpPost("{id:int}/fijar")]
    public Task<IActionResult> Pin(int id, bool fijar) => ModerateAsync(id, fijar, null, fijar ? "Publicación fijada arriba del muro." : "La publicación ya no está fijada.");

    [Authorize(Policy = Authorization.Policies.Coordination)]
    [HttpPost("{id:int}/ocultar")]
    public Task<IActionResult> Hide(int id, bool ocultar) => ModerateAsync(id, null, ocultar, ocultar ? "Publicación oculta: los equipos ya no la ven." : "La publicación vuelve a estar visible.");

    private async Task<IActionResult> ModerateAsync(int id, bool? pinned, bool? hidden, string message)
    {
        var participant = await ForPostAsync(id);
        if (participant is null || !await network.ModerateAsync(participant, id, pinned, hidden, User))
        {
            return NotFound();
        }

        TempData["Message"] = message;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The user as a participant of the post's edition; null (→ 404) when they are not one, or no such post.</summary>
    private async Task<Participant?> ForPostAsync(int postId) =>
        await network.EditionOfPostAsync(postId) is { } editionId ? await participation.ResolveAsync(User, editionId) : null;

    private async Task<PostFormViewModel> FormPageAsync(Participant participant, int? id, PostForm form) =>
        new() { PostId = id, Form = form, Stages = await network.StagesAsync(participant.EditionId) };
}
