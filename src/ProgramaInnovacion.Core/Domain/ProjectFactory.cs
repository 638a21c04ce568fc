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
            var stage = ProjectStage.Locked(definition, startUtc);
            stage.Project = project;
            project.Stages.Add(stage);
        }

        project.Stages[0].Apply(StageAction.Open, WorkflowActor.System, null, startUtc);
        return project;
    }
}
