using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Panel;

public class PanelWorkflowTests
{
    private static readonly PanelPhase[] Working = [PanelPhase.Open, PanelPhase.Published];
    private static readonly AssignmentState[] AnyAssignment = Enum.GetValues<AssignmentState>();
    private static readonly AssignmentState[] Evaluating = [AssignmentState.NoConflict, AssignmentState.Draft];

    /// <summary>
    /// The panel's rules as a table: each row allows an action to an actor in the phases and
    /// assignment states listed (and, for publishing, only with a submitted evaluation), and says
    /// where it leads. Everything not listed is refused with a Spanish message.
    /// </summary>
    private static readonly (PanelActor Actor, PanelAction Action, PanelPhase[] Phases, AssignmentState[] From, bool NeedsSubmitted, PanelPhase? ToPhase, AssignmentState? ToAssignment)[] Rows =
    [
        (PanelActor.AssignedExpert, PanelAction.DeclareNoConflict, Working, [AssignmentState.Pending], false, null, AssignmentState.NoConflict),
        (PanelActor.AssignedExpert, PanelAction.DeclareConflict, Working, [AssignmentState.Pending], false, null, AssignmentState.Declined),
        (PanelActor.AssignedExpert, PanelAction.SaveDraft, Working, Evaluating, false, null, AssignmentState.Draft),
        (PanelActor.AssignedExpert, PanelAction.Submit, Working, Evaluating, false, null, AssignmentState.Submitted),
        (PanelActor.Coordinator, PanelAction.Reopen, [PanelPhase.Open], [AssignmentState.Submitted], false, null, AssignmentState.Draft),
        (PanelActor.Coordinator, PanelAction.Publish, [PanelPhase.Open], AnyAssignment, true, PanelPhase.Published, null),
        (PanelActor.Coordinator, PanelAction.Close, [PanelPhase.Published], AnyAssignment, false, PanelPhase.Closed, null),
    ];

    /// <summary>Every consistent situation (a submitted assignment means some evaluation is submitted) × action × actor.</summary>
    public static TheoryData<PanelPhase, AssignmentState, bool, PanelAction, PanelActor> EveryCombination()
    {
        var data = new TheoryData<PanelPhase, AssignmentState, bool, PanelAction, PanelActor>();
        foreach (var phase in Enum.GetValues<PanelPhase>())
        {
            foreach (var assignment in AnyAssignment)
            {
                foreach (var anySubmitted in new[] { false, true })
                {
                    if (assignment == AssignmentState.Submitted && !anySubmitted)
                    {
                        continue;
                    }

                    foreach (var action in Enum.GetValues<PanelAction>())
                    {
                        foreach (var actor in Enum.GetValues<PanelActor>())
                        {
                            data.Add(phase, assignment, anySubmitted, action, actor);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Apply_FollowsTheTable(PanelPhase phase, AssignmentState assignment, bool anySubmitted, PanelAction action, PanelActor actor)
    {
        var from = new PanelSituation(phase, assignment, anySubmitted);
        var result = PanelWorkflow.Apply(from, action, actor);
        var row = Rows.Where(r => r.Actor == actor && r.Action == action && r.Phases.Contains(phase) && r.From.Contains(assignment) && (!r.NeedsSubmitted || anySubmitted)).ToList();

        if (row.Count == 1)
        {
            Assert.True(result.Allowed, $"{action} por {actor} en {phase}/{assignment} debería estar permitido.");
            var expected = new PanelSituation(row[0].ToPhase ?? phase, row[0].ToAssignment ?? assignment, anySubmitted || row[0].ToAssignment == AssignmentState.Submitted);
            Assert.Equal(expected, result.NewSituation);
            Assert.Null(result.Error);
        }
        else
        {
            Assert.Empty(row);
            Assert.False(result.Allowed, $"{action} por {actor} en {phase}/{assignment} no debería estar permitido.");
            Assert.Null(result.NewSituation);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    /// <summary>Who may see what: nothing before the panel opens; coordinators everything; experts the deliverables after declaring and the evaluations after submitting (the blind rule); the team the evaluations once published.</summary>
    private static bool Expected(PanelView view, PanelPhase phase, AssignmentState assignment, PanelActor actor) =>
        phase != PanelPhase.NotOpen && (actor, view) switch
        {
            (PanelActor.Coordinator, _) => true,
            (PanelActor.AssignedExpert, PanelView.Deliverables) => assignment is AssignmentState.NoConflict or AssignmentState.Draft or AssignmentState.Submitted,
            (PanelActor.AssignedExpert, PanelView.Evaluations) => assignment is AssignmentState.Submitted,
            (PanelActor.Team, PanelView.Evaluations) => phase is PanelPhase.Published or PanelPhase.Closed,
            _ => false,
        };

    public static TheoryData<PanelView, PanelPhase, AssignmentState, PanelActor> EveryView()
    {
        var data = new TheoryData<PanelView, PanelPhase, AssignmentState, PanelActor>();
        foreach (var view in Enum.GetValues<PanelView>())
        {
            foreach (var phase in Enum.GetValues<PanelPhase>())
            {
                foreach (var assignment in AnyAssignment)
                {
                    foreach (var actor in Enum.GetValues<PanelActor>())
                    {
                        data.Add(view, phase, assignment, actor);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryView))]
    public void MaySee_FollowsTheTable(PanelView view, PanelPhase phase, AssignmentState assignment, PanelActor actor) =>
        Assert.Equal(Expected(view, phase, assignment, actor), PanelWorkflow.MaySee(view, new PanelSituation(phase, assignment, true), actor));

    [Theory]
    [InlineData(AssignmentState.NoConflict)]
    [InlineData(AssignmentState.Draft)]
    public void BlindRule_AnExpertWhoHasNotSubmitted_DoesNotSeeTheOthers_EvenAfterPublication(AssignmentState own)
    {
        Assert.False(PanelWorkflow.MaySee(PanelView.Evaluations, new PanelSituation(PanelPhase.Published, own, true), PanelActor.AssignedExpert));
        Assert.True(PanelWorkflow.MaySee(PanelView.Evaluations, new PanelSituation(PanelPhase.Published, AssignmentState.Submitted, true), PanelActor.AssignedExpert));
    }

    [Theory]
    [InlineData(null, false, false, PanelPhase.NotOpen)]
    [InlineData(StageState.Locked, false, false, PanelPhase.NotOpen)]
    [InlineData(StageState.Available, false, false, PanelPhase.Open)]
    [InlineData(StageState.InProgress, false, false, PanelPhase.Open)]
    [InlineData(StageState.Available, true, false, PanelPhase.Published)]
    [InlineData(StageState.Available, true, true, PanelPhase.Closed)]
    [InlineData(StageState.Approved, true, true, PanelPhase.Closed)]
    [InlineData(StageState.Approved, false, false, PanelPhase.Closed)]
    public void Phase_ComesFromThePanelStageAndThePublication(StageState? stage, bool published, bool closed, PanelPhase expected) =>
        Assert.Equal(expected, PanelWorkflow.Phase(stage, published, closed));

    [Theory]
    [InlineData(ConflictDeclaration.Pending, null, AssignmentState.Pending)]
    [InlineData(ConflictDeclaration.Declined, null, AssignmentState.Declined)]
    [InlineData(ConflictDeclaration.NoConflict, null, AssignmentState.NoConflict)]
    [InlineData(ConflictDeclaration.NoConflict, EvaluationStatus.Draft, AssignmentState.Draft)]
    [InlineData(ConflictDeclaration.NoConflict, EvaluationStatus.Submitted, AssignmentState.Submitted)]
    public void State_ComesFromTheDeclarationAndTheEvaluation(ConflictDeclaration declaration, EvaluationStatus? evaluation, AssignmentState expected) =>
        Assert.Equal(expected, PanelWorkflow.State(declaration, evaluation));

    [Fact]
    public void Submit_AfterTheCoordinatorClosedThePanel_SaysItIsClosed() =>
        Assert.Equal("La mesa está cerrada: ya no se pueden modificar evaluaciones.",
            PanelWorkflow.Apply(new PanelSituation(PanelPhase.Closed, AssignmentState.Draft, false), PanelAction.Submit, PanelActor.AssignedExpert).Error);
}
