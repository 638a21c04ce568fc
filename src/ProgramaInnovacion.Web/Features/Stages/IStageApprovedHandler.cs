using ProgramaInnovacion.Core.Domain;

namespace ProgramaInnovacion.Web.Features.Stages;

/// <summary>
/// Told by StageTransitions right after a stage becomes Approved, before the caller saves, so
/// whatever a handler adds to the context commits in the same transaction as the approval.
/// </summary>
public interface IStageApprovedHandler
{
    Task OnApprovedAsync(ProjectStage stage);
}
