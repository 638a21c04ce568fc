using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;
using ProgramaInnovacion.Web.Features.Stages;

namespace ProgramaInnovacion.Web.Features.Library;

/// <summary>Rebuilds a stage's library cases when it is approved (same transaction as the approval).</summary>
public class CaseIndexOnApproval(CaseIndexer indexer) : IStageApprovedHandler
{
    public Task OnApprovedAsync(ProjectStage stage) => indexer.ReindexStageAsync(stage);
}
