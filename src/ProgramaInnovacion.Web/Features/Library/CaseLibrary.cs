using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Core.Knowledge;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Library;

/// <summary>Where the team reads the case it added, and what to tell them.</summary>
public sealed record AddedCase(int ProjectId, string Message);

/// <summary>
/// Searches the case library on the database's own full-text engine (CaseSearch, ADR 0014): the
/// query is read once (SearchText.Parse), the engine's ranked matches are joined to the cases the
/// reader may see — the page with the total in one command —, and the page's highlighted excerpts
/// come from one more command. Three SQL commands whatever the size (five for a page past the last).
/// </summary>
public class CaseLibrary(AppDbContext db, DeliverableDrafts drafts, AuditLog audit)
{
    public const int PageSize = 20;

    public const string NothingToSearchNotice = "Tu búsqueda no tiene palabras que podamos buscar: los signos, los operadores y las palabras muy comunes («de», «la», «y») no cuentan. Mostramos todos los casos.";

    public async Task<CaseSearchViewModel> SearchAsync(CaseSearchQuery query, ClaimsPrincipal user)
    {
        var search = SearchText.Parse(query.Q);
        var entries = db.ReadableCases(LibraryReader.From(user)).AsNoTracking();
        if (query.Categoria is { } category)
        {
            entries = entries.Where(e => e.MunicipalityCategory == category);
        }

        if (query.Origen is { } source)
        {
            entries = entries.Where(e => e.Source == source);
        }

        if (query.Edicion is { } edition)
        {
            entries = entries.Where(e => e.EditionId == edition);
        }

        var scored = search.IsEmpty
            ? entries.Select(e => new ScoredCase { Entry = e, Score = 0 })
            : entries.Join(db.Hits(search), e => e.Id, h => h.Id, (e, h) => new ScoredCase { Entry = e, Score = h.Score });
        // The page and the total in one command: the engine's match runs once. Everything is
        // projected before the paging: a projection after it would be built around the page (a
        // subquery), and the count would count the page.
        var ordered = scored
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Entry.EditionId)
            .ThenBy(x => x.Entry.Title)
            .ThenBy(x => x.Entry.Id)
            .Select(x => new PageRow(x.Entry.Id, x.Entry.Title, x.Entry.Summary, x.Entry.Source, x.Entry.MunicipalityName, x.Entry.MunicipalityCategory, x.Entry.Edition.Name, x.Score, QueryFunctions.TotalRows()));
        var (rows, total, page) = await ordered.PageWithTotalAsync(r => r.Total, query.Pagina, PageSize, () => scored.CountAsync());
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);

        var excerpts = await db.ExcerptsAsync(search, rows.Select(r => r.Id).ToList());
        var results = rows.Select(r => new CaseResult(r.Id, r.Title, r.Summary, r.Source, r.MunicipalityName, r.MunicipalityCategory, r.Edition, r.Score, excerpts.GetValueOrDefault(r.Id))).ToList();
        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartsAtUtc).Select(e => new EditionOption(e.Id, e.Name)).ToListAsync();
        var notice = search.IsEmpty && !string.IsNullOrWhiteSpace(query.Q) ? NothingToSearchNotice : null;
        return new CaseSearchViewModel(query, results, total, page, pageCount, editions, notice);
    }

    private sealed record PageRow(int Id, string Title, string Summary, CaseSource Source, string MunicipalityName, MunicipalityCategory MunicipalityCategory, string Edition, double Score, long Total);

    public async Task<CaseDetails?> GetAsync(int id, ClaimsPrincipal user)
    {
        var entry = await db.ReadableCases(LibraryReader.From(user)).AsNoTracking().Where(e => e.Id == id).Select(e => new
        {
            e.Id,
            e.Title,
            e.Summary,
            e.Body,
            e.Source,
            e.MunicipalityName,
            e.MunicipalityCategory,
            Edition = e.Edition.Name,
            e.City,
            e.Country,
            e.Description,
            e.Results,
            e.Lessons,
            e.SourceUrl,
        }).SingleOrDefaultAsync();
        if (entry is null)
        {
            return null;
        }

        var target = await FindTargetAsync(user);
        return new CaseDetails(entry.Id, entry.Title, entry.Summary, entry.Body, entry.Source, entry.MunicipalityName, entry.MunicipalityCategory, entry.Edition,
            entry.City, entry.Country, entry.Description, entry.Results, entry.Lessons, entry.SourceUrl, target.ToTarget());
    }

    /// <summary>Appends the case as a row of the user's "Estudio de casos" table, as a new draft revision.</summary>
    public async Task<CommandResult<AddedCase>?> AddToMyCaseStudyAsync(int caseId, ClaimsPrincipal user)
    {
        var entry = await db.ReadableCases(LibraryReader.From(user)).AsNoTracking().Where(e => e.Id == caseId)
            .Select(e => new { e.Title, e.City, e.Country, e.Description, e.Results, e.Lessons, e.SourceUrl })
            .SingleOrDefaultAsync();
        if (entry is null)
        {
            return null;
        }

        var target = await FindTargetAsync(user);
        if (target.Stage is not { } stage || !target.ToTarget().CanAdd)
        {
            return CommandResult.Fail<AddedCase>(target.ToTarget().Reason ?? "No podés agregar casos a un estudio de casos.");
        }

        var parsed = DeliverableContent.Parse(stage.ContentJson);
        var content = parsed.Root;
        var rows = content[CaseDocuments.CaseTableKey] as JsonArray ?? [];
        var already = parsed.Rows(CaseDocuments.CaseTableKey).Any(r =>
            string.Equals(r.GetValueOrDefault("ciudad", "").Trim(), entry.City, StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.GetValueOrDefault("descripcion", "").Trim(), entry.Description, StringComparison.OrdinalIgnoreCase));
        if (already)
        {
            return CommandResult.Fail<AddedCase>("Ese caso ya está en la tabla de tu estudio de casos.");
        }

        var row = new JsonObject
        {
            ["ciudad"] = entry.City,
            ["pais"] = entry.Country.Length > 0 ? entry.Country : "Sin dato",
            ["descripcion"] = entry.Description,
            ["resultados"] = entry.Results,
            ["lecciones"] = entry.Lessons.Length > 0 ? entry.Lessons : "Completá las lecciones aplicables a tu ciudad.",
        };
        if (!string.IsNullOrEmpty(entry.SourceUrl))
        {
            row["fuente"] = entry.SourceUrl;
        }

        var copy = (JsonArray)rows.DeepClone();
        copy.Add(row);
        content[CaseDocuments.CaseTableKey] = copy;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        // The version read with the content: a teammate's save in between is a conflict, not overwritten.
        var saved = await db.InTransactionAsync(async () =>
        {
            var result = await drafts.SaveAsync(stage.Id, content, userId, expectedVersion: stage.Version);
            if (result.Status == DraftSaveStatus.Saved)
            {
                audit.Record(user, AuditActions.CaseAddedToCaseStudy, nameof(Deliverable), result.DeliverableId, $"«{entry.Title}» · versión {result.RevisionNumber}");
                await db.SaveChangesAsync();
            }

            return result;
        });
        return saved.Status switch
        {
            DraftSaveStatus.Saved => CommandResult.Ok(new AddedCase(stage.ProjectId, $"Agregamos «{entry.Title}» a tu estudio de casos. Revisá la fila y adaptá las lecciones a tu ciudad.")),
            DraftSaveStatus.Conflict => CommandResult.Fail<AddedCase>("Otra persona de tu equipo guardó el estudio de casos en este momento, así que no agregamos el caso para no pisar sus cambios. Probá de nuevo."),
            _ => CommandResult.Fail<AddedCase>(saved.Error ?? "No se pudo agregar el caso. Probá de nuevo."),
        };
    }

    private async Task<TargetLookup> FindTargetAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.MunicipalTeam))
        {
            return new TargetLookup(false, null);
        }

        var stage = await db.ProjectStages.AsNoTracking()
            .Where(s => s.StageDefinition.Role == StageRole.CaseStudy && s.Project.Members.Any(m => m.UserId == userId))
            .OrderByDescending(s => s.Project.Edition.StartsAtUtc)
            .Select(s => new MyCaseStudy(s.Id, s.ProjectId, s.State, s.Deliverable != null ? s.Deliverable.ContentJson : null, s.Deliverable != null ? s.Deliverable.Version : 0))
            .FirstOrDefaultAsync();
        return new TargetLookup(true, stage);
    }

    private sealed class ScoredCase
    {
        public required CaseEntry Entry { get; init; }

        public double Score { get; init; }
    }

    /// <param name="Version">The deliverable's version read with <paramref name="ContentJson"/> (0 when there is none yet).</param>
    private sealed record MyCaseStudy(int Id, int ProjectId, StageState State, string? ContentJson, int Version);

    private sealed record TargetLookup(bool IsTeam, MyCaseStudy? Stage)
    {
        public CaseStudyTarget ToTarget()
        {
            if (!IsTeam)
            {
                return new CaseStudyTarget(null, false, null);
            }

            if (Stage is null)
            {
                return new CaseStudyTarget(null, false, "Tu equipo no tiene una etapa «Estudio de casos» en su proyecto.");
            }

            if (StageWorkflow.IsEditableByTeam(Stage.State))
            {
                return new CaseStudyTarget(Stage.ProjectId, true, null);
            }

            var reason = Stage.State switch
            {
                StageState.Locked => "Tu etapa «Estudio de casos» todavía está bloqueada: se habilita cuando se aprueba la etapa anterior.",
                StageState.Submitted => "Tu etapa «Estudio de casos» ya fue entregada y está en revisión; no se le pueden agregar casos hasta que la coordinación la revise.",
                StageState.Approved => "Tu etapa «Estudio de casos» ya está aprobada; solo la coordinación puede reabrirla.",
                _ => $"Tu etapa «Estudio de casos» está en estado «{Stage.State.Label()}» y no se puede editar.",
            };
            return new CaseStudyTarget(Stage.ProjectId, false, reason);
        }
    }
}
