using System.Text.Json.Nodes;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Core.Data.Seeding;

/// <summary>
/// Writes a demo edition and its projects' history the way the portal would have: revisions and
/// every state change through <see cref="ProjectStage.Apply"/>, so timelines, charts and the
/// dossier read the demo like real work.
/// </summary>
internal static class DemoHistory
{
    /// <summary>A new edition on the default template with the given due dates (by stage order) and one project per municipality.</summary>
    public static ProgramEdition CreateEdition(string name, DateTime startUtc, DateTime endUtc, Func<int, DateTime> dueUtcOfOrder,
        IEnumerable<Municipality> municipalities, DateTime createdAtUtc)
    {
        var edition = new ProgramEdition
        {
            Name = name,
            Theme = ReferenceData.FirstEditionTheme,
            StartsAtUtc = startUtc,
            EndsAtUtc = endUtc,
            ShareApprovedDeliverables = true,
            CreatedAtUtc = createdAtUtc,
            Stages = DefaultStageTemplate.Stages.Select(t => t.ToDefinition(dueUtcOfOrder(t.Order))).ToList(),
        };
        foreach (var municipality in municipalities)
        {
            edition.Projects.Add(ProjectFactory.Create(edition, municipality, startUtc));
        }

        return edition;
    }

    public static void AddMembers(Project project, AppUser member, DateTime joinedAtUtc) =>
        project.Members.Add(new ProjectMember { Project = project, UserId = member.Id, User = member, JoinedAtUtc = joinedAtUtc });

    /// <summary>Submitted, approved, and the next stage opened (as StageTransitions does on approval).</summary>
    public static void Approve(IReadOnlyList<ProjectStage> stages, int index, JsonObject content, AppUser team, AppUser coordinator, DateTime submittedAt, DateTime approvedAt)
    {
        Submit(stages[index], content, team, submittedAt);
        Transition(stages[index], StageAction.Approve, coordinator, approvedAt, null);
        if (index + 1 < stages.Count)
        {
            Transition(stages[index + 1], StageAction.Open, null, approvedAt, null);
        }
    }

    public static void SaveDraft(ProjectStage stage, JsonObject content, AppUser author, DateTime at)
    {
        AddRevision(stage, content, author, at, RevisionKind.Draft);
        Transition(stage, StageAction.SaveDraft, author, at, null);
    }

    public static void Submit(ProjectStage stage, JsonObject content, AppUser author, DateTime at)
    {
        SaveDraft(stage, content, author, at.AddDays(-1));
        AddRevision(stage, content, author, at, RevisionKind.Submission);
        Transition(stage, StageAction.Submit, author, at, null);
    }

    /// <summary>The coordination sends the stage back; the request is also the first message of its thread.</summary>
    public static void RequestChanges(ProjectStage stage, AppUser coordinator, DateTime at, string request)
    {
        Transition(stage, StageAction.RequestChanges, coordinator, at, request);
        stage.Deliverable!.Comments.Add(new Comment { Author = coordinator, AuthorId = coordinator.Id, BodyMarkdown = request, CreatedAtUtc = at });
    }

    public static void Transition(ProjectStage stage, StageAction action, AppUser? actor, DateTime at, string? comment)
    {
        var who = actor is null ? WorkflowActor.System
            : action is StageAction.Approve or StageAction.RequestChanges or StageAction.Close ? WorkflowActor.Coordinator
            : WorkflowActor.Team;
        var result = stage.Apply(action, who, actor?.Id, at, comment);
        if (!result.Allowed)
        {
            throw new InvalidOperationException($"Semilla de demostración inválida: {result.Error}");
        }
    }

    private static void AddRevision(ProjectStage stage, JsonObject content, AppUser author, DateTime at, RevisionKind kind)
    {
        stage.Deliverable ??= new Deliverable();
        var deliverable = stage.Deliverable;
        var json = DeliverableContent.Serialize(content);
        deliverable.ContentJson = json;
        deliverable.Version++;
        deliverable.UpdatedAtUtc = at;
        deliverable.UpdatedBy = author;
        deliverable.Revisions.Add(new DeliverableRevision
        {
            Number = deliverable.Revisions.Count + 1,
            Kind = kind,
            ContentJson = json,
            Author = author,
            AuthorId = author.Id,
            CreatedAtUtc = at,
        });
    }
}
