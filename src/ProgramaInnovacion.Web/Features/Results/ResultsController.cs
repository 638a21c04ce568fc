using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramaInnovacion.Core.Results;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>The coordination's roll-up of results: one edition or every edition it coordinates, and a municipality's adoptions.</summary>
[Authorize(Policy = Policies.Coordination)]
[Route("resultados")]
[CoordinationScope("edicion", ScopedBy.Edition)]
public class ResultsController(ResultsQueries queries, CoordinationScope scope) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Rollup", await queries.RollupAsync(null, await scope.EditionIdsAsync(User)));

    [HttpGet("edicion/{edicion:int}")]
    public async Task<IActionResult> Edition(int edicion)
    {
        var model = await queries.RollupAsync(edicion, await scope.EditionIdsAsync(User));
        return model.Editions.Any(e => e.Id == edicion) ? View("Rollup", model) : NotFound();
    }

    [HttpGet("municipios/{municipio:int}")]
    public async Task<IActionResult> Municipality(int municipio)
    {
        var model = await queries.MunicipalityAsync(municipio, await scope.EditionIdsAsync(User));
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("exportar/indicadores.xlsx")]
    public async Task<IActionResult> Xlsx(int? edicion) =>
        ExportResult.Xlsx(await TableAsync(edicion), "indicadores.xlsx");

    [HttpGet("exportar/indicadores.csv")]
    public async Task<IActionResult> Csv(int? edicion) =>
        ExportResult.Csv(await TableAsync(edicion), "indicadores.csv");

    private async Task<ExportTable> TableAsync(int? editionId)
    {
        var model = await queries.RollupAsync(editionId, await scope.EditionIdsAsync(User));
        return ResultsExport.Indicators(model);
    }
}

/// <summary>The roll-up's indicators as a table: the numbers of the page, one row per indicator.</summary>
public static class ResultsExport
{
    public static ExportTable Indicators(RollupViewModel model) => new("Indicadores",
        ["Edición", "Temática", "Municipio", "Indicador", "Unidad", "Sentido", "Línea de base", "Fecha de la línea de base", "Meta", "Fecha de la meta",
            "Último valor", "Fecha del último valor", "Avance (%)", "Estado", "Adopciones del proyecto"],
        model.Indicators.Select(i => (IReadOnlyList<string>)
        [
            i.Edition, i.Theme, i.Municipality, i.Name, i.Unit, i.DirectionText,
            IndicatorRowViewModel.Number(i.Baseline, i.BaselineText), Date(i.BaselineDate),
            IndicatorRowViewModel.Number(i.Target, i.TargetText), Date(i.TargetDate),
            IndicatorRowViewModel.Number(i.Latest), Date(i.LatestOn),
            i.Progress is { } p ? Core.Deliverables.ArgentineNumber.Format(p) : "", i.Status.Label(),
            model.Projects.FirstOrDefault(x => x.ProjectId == i.ProjectId)?.Adoptions.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0",
        ]).ToList());

    private static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
