using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.UnitTests.Stages;

public class ProjectStageTests
{
    private static readonly DateTime Start = new(2021, 7, 27, 14, 0, 0, DateTimeKind.Utc);

    private static ProjectStage StageIn(params (StageAction Action, WorkflowActor Actor, string? Comment)[] path)
    {
        var stage = ProjectStage.Locked(new StageDefinition { Key = "desafio", Name = "Desafío" }, Start);
        stage.ProjectId = 7;
        foreach (var (action, actor, comment) in path)
        {
            Assert.True(stage.Apply(action, actor, "alguien", Start, comment).Allowed);
        }

        stage.Events.Clear();
        return stage;
    }

    private static readonly (StageAction, WorkflowActor, string?) Open = (StageAction.Open, WorkflowActor.System, null);
    private static readonly (StageAction, WorkflowActor, string?) Submit = (StageAction.Submit, WorkflowActor.Team, null);

    [Fact]
    public void Apply_Allowed_TakesTheNewState_AndAppendsItsEvent()
    {
        var stage = StageIn(Open, Submit);
        var at = Start.AddDays(3);

        var result = stage.Apply(StageAction.RequestChanges, WorkflowActor.Coordinator, "coordinadora-1", at, "Sumen la línea de base.");

        Assert.True(result.Allowed);
        Assert.Equal(StageState.ChangesRequested, stage.State);
        Assert.Equal(at, stage.StateChangedAtUtc);
        var recorded = Assert.Single(stage.Events);
        Assert.Equal((StageAction.RequestChanges, StageState.Submitted, StageState.ChangesRequested), (recorded.Action, recorded.FromState, recorded.ToState));
        Assert.Equal(("coordinadora-1", "Sumen la línea de base.", at, 7), (recorded.ActorId, recorded.Comment, recorded.OccurredAtUtc, recorded.ProjectId));
    }

    [Fact]
    public void Apply_Refused_ReturnsTheSpanishReason_AndChangesNothing()
    {
        var stage = StageIn(Open);

        var result = stage.Apply(StageAction.Approve, WorkflowActor.Coordinator, "coordinadora-1", Start.AddDays(1));

        Assert.False(result.Allowed);
        Assert.Equal("Solo se puede aprobar una etapa entregada.", result.Error);
        Assert.Equal(StageState.Available, stage.State);
        Assert.Equal(Start, stage.StateChangedAtUtc);
        Assert.Null(stage.ApprovedAtUtc);
        Assert.Empty(stage.Events);
    }

    [Fact]
    public void Apply_RequestChangesWithoutComment_IsRefused_WithoutAnEvent()
    {
        var stage = StageIn(Open, Submit);

        var result = stage.Apply(StageAction.RequestChanges, WorkflowActor.Coordinator, "coordinadora-1", Start, "  ");

        Assert.Equal("Para solicitar cambios hay que escribir un comentario para el equipo.", result.Error);
        Assert.Equal(StageState.Submitted, stage.State);
        Assert.Empty(stage.Events);
    }

    [Fact]
    public void Apply_SubmitAndApprove_StampTheirDates()
    {
        var stage = StageIn(Open);

        stage.Apply(StageAction.Submit, WorkflowActor.Team, "equipo-1", Start.AddDays(10));
        stage.Apply(StageAction.Approve, WorkflowActor.Coordinator, "coordinadora-1", Start.AddDays(12));

        Assert.Equal(Start.AddDays(10), stage.SubmittedAtUtc);
        Assert.Equal(Start.AddDays(12), stage.ApprovedAtUtc);
        Assert.Equal([StageAction.Submit, StageAction.Approve], stage.Events.Select(e => e.Action));
    }

    [Fact]
    public void Apply_SavingADraftAgain_IsARevision_NotATransition()
    {
        var stage = StageIn(Open, (StageAction.SaveDraft, WorkflowActor.Team, null));

        var result = stage.Apply(StageAction.SaveDraft, WorkflowActor.Team, "equipo-1", Start.AddDays(2));

        Assert.True(result.Allowed);
        Assert.Equal(StageState.InProgress, stage.State);
        Assert.Equal(Start, stage.StateChangedAtUtc);
        Assert.Empty(stage.Events);
    }

    [Fact]
    public void NewProject_OpensItsFirstStage_WithAnEvent_AndLocksTheRest()
    {
        var edition = new ProgramEdition { Name = "Edición 2021", Theme = "Gobierno digital" };
        edition.Stages.AddRange([new StageDefinition { Key = "b", Name = "B", Order = 2 }, new StageDefinition { Key = "a", Name = "A", Order = 1 }]);

        var project = ProjectFactory.Create(edition, new Municipality { Name = "Tandil", Province = "Buenos Aires", Slug = "tandil" }, Start);

        Assert.Equal([StageState.Available, StageState.Locked], project.Stages.Select(s => s.State));
        var opened = Assert.Single(project.Stages[0].Events);
        Assert.Equal((StageAction.Open, StageState.Locked, StageState.Available, Start), (opened.Action, opened.FromState, opened.ToState, opened.OccurredAtUtc));
        Assert.Same(project, opened.Project);
        Assert.Empty(project.Stages[1].Events);
    }
}
