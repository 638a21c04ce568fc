namespace ProgramaInnovacion.Core.Domain;

public static class ProjectFactory
{
    /// <summary>
    /// A new project with one stage per stage definition: the first one open (the program has
    /// started), the rest locked until the previous one is approved.
    /// </summary>
    public static Project Create(ProgramEdition edition, Municipality municipality, DateTime startUtc)
    {
        var project = new Project { Edition = edition, Municipality = municipality, CreatedAtUtc = startUtc };
        foreach (var definition in edition.Stages.OrderBy(s => s.Order))
        {
            var stage = new ProjectStage { StageDefinition = definition, State = StageState.Locked, StateChangedAtUtc = startUtc };
            project.Stages.Add(stage);
        }

        var first = project.Stages[0];
        var opened = StageWorkflow.Apply(first.State, StageAction.Open, WorkflowActor.System);
        first.Events.Add(new StageEvent { Project = project, Action = StageAction.Open, FromState = first.State, ToState = opened.NewState, OccurredAtUtc = startUtc });
        first.State = opened.NewState;
        return project;
    }
}
