using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Stages;

public class StageWorkflowTests
{
    /// <summary>The stage workflow as a table: the only (state, action, actor) triples allowed and where they lead.</summary>
    private static readonly Dictionary<(StageState, StageAction, WorkflowActor), StageState> Allowed = new()
    {
        [(StageState.Locked, StageAction.Open, WorkflowActor.System)] = StageState.Available,
        [(StageState.Available, StageAction.SaveDraft, WorkflowActor.Team)] = StageState.InProgress,
        [(StageState.InProgress, StageAction.SaveDraft, WorkflowActor.Team)] = StageState.InProgress,
        [(StageState.ChangesRequested, StageAction.SaveDraft, WorkflowActor.Team)] = StageState.ChangesRequested,
        [(StageState.Available, StageAction.Submit, WorkflowActor.Team)] = StageState.Submitted,
        [(StageState.InProgress, StageAction.Submit, WorkflowActor.Team)] = StageState.Submitted,
        [(StageState.ChangesRequested, StageAction.Submit, WorkflowActor.Team)] = StageState.Submitted,
        [(StageState.Submitted, StageAction.Approve, WorkflowActor.Coordinator)] = StageState.Approved,
        [(StageState.Submitted, StageAction.RequestChanges, WorkflowActor.Coordinator)] = StageState.ChangesRequested,
        [(StageState.Locked, StageAction.Unlock, WorkflowActor.Coordinator)] = StageState.Available,
        [(StageState.Approved, StageAction.Reopen, WorkflowActor.Coordinator)] = StageState.InProgress,
        [(StageState.Available, StageAction.Close, WorkflowActor.Coordinator)] = StageState.Approved,
        [(StageState.InProgress, StageAction.Close, WorkflowActor.Coordinator)] = StageState.Approved,
        [(StageState.Submitted, StageAction.Close, WorkflowActor.Coordinator)] = StageState.Approved,
    };

    /// <summary>Actions that need a comment (a reason) from the coordinator.</summary>
    private static readonly HashSet<StageAction> NeedComment = [StageAction.RequestChanges, StageAction.Unlock, StageAction.Reopen];

    public static TheoryData<StageState, StageAction, WorkflowActor> EveryCombination()
    {
        var data = new TheoryData<StageState, StageAction, WorkflowActor>();
        foreach (var state in Enum.GetValues<StageState>())
        {
            foreach (var action in Enum.GetValues<StageAction>())
            {
                foreach (var actor in Enum.GetValues<WorkflowActor>())
                {
                    data.Add(state, action, actor);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Apply_WithAComment_FollowsTheTable(StageState state, StageAction action, WorkflowActor actor)
    {
        var result = StageWorkflow.Apply(state, action, actor, "Motivo escrito");

        if (Allowed.TryGetValue((state, action, actor), out var expected))
        {
            Assert.True(result.Allowed, $"{state} + {action} por {actor} debería estar permitido.");
            Assert.Equal(expected, result.NewState);
            Assert.Null(result.Error);
        }
        else
        {
            Assert.False(result.Allowed, $"{state} + {action} por {actor} no debería estar permitido.");
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Apply_WithoutAComment_RefusesOnlyTheActionsThatNeedAReason(StageState state, StageAction action, WorkflowActor actor)
    {
        foreach (var comment in new[] { null, "", "   " })
        {
            var result = StageWorkflow.Apply(state, action, actor, comment);
            var allowed = Allowed.ContainsKey((state, action, actor)) && !NeedComment.Contains(action);
            Assert.Equal(allowed, result.Allowed);
            if (!allowed)
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Error));
            }
        }
    }

    [Fact]
    public void RequestChanges_WithoutAComment_SaysACommentIsNeeded() =>
        Assert.Equal("Para solicitar cambios hay que escribir un comentario para el equipo.", StageWorkflow.Apply(StageState.Submitted, StageAction.RequestChanges, WorkflowActor.Coordinator, " ").Error);

    [Theory]
    [InlineData(StageState.Locked, false)]
    [InlineData(StageState.Available, true)]
    [InlineData(StageState.InProgress, true)]
    [InlineData(StageState.Submitted, false)]
    [InlineData(StageState.ChangesRequested, true)]
    [InlineData(StageState.Approved, false)]
    public void IsEditableByTeam_MatchesWhereSaveDraftIsAllowed(StageState state, bool editable)
    {
        Assert.Equal(editable, StageWorkflow.IsEditableByTeam(state));
        Assert.Equal(editable, StageWorkflow.Apply(state, StageAction.SaveDraft, WorkflowActor.Team).Allowed);
    }
}
