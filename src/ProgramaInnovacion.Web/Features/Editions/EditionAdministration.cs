using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Editions;

/// <summary>Editions, their settings and projects; a new edition can start from an earlier one's stages and rubric.</summary>
public class EditionAdministration(AppDbContext db, AuditLog audit, TimeProvider time)
{
    /// <param name="scope">The editions the person coordinates; null for all.</param>
    public Task<List<EditionRow>> ListAsync(IReadOnlySet<int>? scope) =>
        db.Editions.AsNoTracking().Where(e => scope == null || scope.Contains(e.Id)).OrderByDescending(e => e.StartsAtUtc)
            .Select(e => new EditionRow(e.Id, e.Name, e.Theme, e.StartsAtUtc, e.EndsAtUtc, e.ShareApprovedDeliverables, e.AnonymizeExperts, e.Projects.Count, e.Stages.Count))
            .ToListAsync();

    public Task<List<EditionOptionItem>> OptionsAsync() =>
        db.Editions.AsNoTracking().OrderByDescending(e => e.StartsAtUtc).Select(e => new EditionOptionItem(e.Id, e.Name)).ToListAsync();

    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(EditionForm form, int? editionId)
    {
        var errors = new List<(string, string)>();
        var name = form.Name.Trim();
        if (name.Length > 0 && await db.Editions.AnyAsync(e => e.Name == name && e.Id != editionId))
        {
            errors.Add((nameof(form.Name), "Ya hay una edición con ese nombre."));
        }

        if (form.StartDate is { } start && form.EndDate is { } end && end < start)
        {
            errors.Add((nameof(form.EndDate), "La fecha de fin no puede ser anterior a la de inicio."));
        }

        return errors;
    }

    public async Task<EditionViewModel?> GetAsync(int id, EditionForm? form = null)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == id).SingleOrDefaultAsync();
        if (edition is null)
        {
            return null;
        }

        // ProjectProgress's counts, in SQL: approved rows out of the edition's stages (a stage without a row is not approved).
        var projects = await db.Projects.AsNoTracking().Where(p => p.EditionId == id).OrderBy(p => p.Municipality.Name)
            .Select(p => new EditionProjectRow(p.Id, p.Municipality.Name, p.Municipality.Province, p.Stages.Count(s => s.State == StageState.Approved), p.Edition.Stages.Count))
            .ToListAsync();
        var available = await db.Municipalities.AsNoTracking().Where(m => !db.Projects.Any(p => p.EditionId == id && p.MunicipalityId == m.Id))
            .OrderBy(m => m.Name).Select(m => new MunicipalityOption(m.Id, m.Name + " (" + m.Province + ")")).ToListAsync();
        form ??= new EditionForm
        {
            Name = edition.Name,
            Theme = edition.Theme,
            StartDate = ArgentinaClock.LocalDate(edition.StartsAtUtc),
            EndDate = edition.EndsAtUtc is { } end ? ArgentinaClock.LocalDate(end) : null,
            ShareApprovedDeliverables = edition.ShareApprovedDeliverables,
            AnonymizeExperts = edition.AnonymizeExperts,
        };
        var organizations = await db.AllianceOrganizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Sector, o.Description, o.Website }).ToListAsync();
        var mentors = await db.MentorAssignments.AsNoTracking().Where(a => a.Project.EditionId == id && a.Mentor.OrganizationId != null)
            .Select(a => new { OrganizationId = a.Mentor.OrganizationId!.Value, a.Mentor.DisplayName, Municipality = a.Project.Municipality.Name }).ToListAsync();
        return new EditionViewModel(id, form, projects, available)
        {
            Phase = edition.Phase,
            Alliance = organizations.Select(o => new AlliancePartnerRow(o.Name, o.Sector.Label(), o.Description, o.Website,
                mentors.Where(m => m.OrganizationId == o.Id).GroupBy(m => m.DisplayName).OrderBy(g => g.Key, StringComparer.CurrentCulture)
                    .Select(g => $"{g.Key} ({string.Join(", ", g.Select(m => m.Municipality).Distinct().Order(StringComparer.CurrentCulture))})").ToList())).ToList(),
        };
    }

    public Task<int> CreateAsync(NewEditionForm form, ClaimsPrincipal actor) =>
        db.InTransactionAsync(() => CreateInTransactionAsync(form, actor));

    private async Task<int> CreateInTransactionAsync(NewEditionForm form, ClaimsPrincipal actor)
    {
        var start = ArgentinaClock.ToUtc(form.StartDate!.Value);
        var edition = new ProgramEdition { Name = form.Name.Trim(), Theme = form.Theme.Trim(), CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        Apply(edition, form);
        string copied = "sin etapas";
        List<RubricCriterion> rubric = [];
        if (form.CopyFromEditionId is { } sourceId)
        {
            var source = await db.Editions.AsNoTracking().Include(e => e.Stages).SingleOrDefaultAsync(e => e.Id == sourceId);
            if (source is not null)
            {
                var shift = start - source.StartsAtUtc;
                edition.Stages = source.Stages.OrderBy(s => s.Order).Select(s => new StageDefinition
                {
                    Order = s.Order,
                    Key = s.Key,
                    Role = s.Role,
                    Name = s.Name,
                    Description = s.Description,
                    GuidingQuestions = s.GuidingQuestions,
                    SchemaJson = s.SchemaJson,
                    HasTeamForm = s.HasTeamForm,
                    DueAtUtc = form.ShiftDueDates && s.DueAtUtc is { } due ? due + shift : null,
                }).ToList();
                copied = $"etapas copiadas de «{source.Name}»" + (form.ShiftDueDates ? ", vencimientos corridos" : ", sin vencimientos");
                rubric = await db.RubricCriteria.AsNoTracking().Where(c => c.EditionId == sourceId).OrderBy(c => c.Order)
                    .Select(c => new RubricCriterion
                    {
                        Order = c.Order,
                        Name = c.Name,
                        Description = c.Description,
                        Weight = c.Weight,
                        Level1Label = c.Level1Label,
                        Level2Label = c.Level2Label,
                        Level3Label = c.Level3Label,
                        Level4Label = c.Level4Label,
                        Level5Label = c.Level5Label,
                    })
                    .ToListAsync();
                copied += rubric.Count > 0 ? ", rúbrica copiada" : "";
            }
        }

        // Every edition has a rubric, or its experts could submit evaluations without scores.
        if (rubric.Count == 0)
        {
            rubric = RubricSeeder.DefaultCriteria.Select((c, i) => c.ToCriterion(i + 1)).ToList();
            copied += ", rúbrica por defecto";
        }

        rubric.ForEach(c => c.Edition = edition);
        db.Editions.Add(edition);
        db.RubricCriteria.AddRange(rubric);
        await db.SaveChangesAsync(); // the audit entry records the new id
        audit.Record(actor, AuditActions.EditionCreated, nameof(ProgramEdition), edition.Id, $"{edition.Name}; {copied}");
        await db.SaveChangesAsync();
        return edition.Id;
    }

    public async Task<bool> UpdateAsync(int id, EditionForm form, ClaimsPrincipal actor)
    {
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Id == id);
        if (edition is null)
        {
            return false;
        }

        var before = Describe(edition);
        edition.Name = form.Name.Trim();
        edition.Theme = form.Theme.Trim();
        Apply(edition, form);
        audit.Record(actor, AuditActions.EditionEdited, nameof(ProgramEdition), id, $"Antes: {before}. Después: {Describe(edition)}");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Moves the edition to the next phase of its life cycle, or back one step (EditionLifecycle says which).</summary>
    public async Task<CommandResult> MovePhaseAsync(int id, EditionPhase to, ClaimsPrincipal actor)
    {
        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Id == id);
        if (edition is null)
        {
            return CommandResult.Fail("Esa edición no existe.");
        }

        if (EditionLifecycle.CheckMove(edition.Phase, to) is { } error)
        {
            return CommandResult.Fail(error);
        }

        audit.Record(actor, AuditActions.EditionPhaseChanged, nameof(ProgramEdition), id, $"{edition.Name}: de «{edition.Phase.Label()}» a «{to.Label()}»");
        edition.Phase = to;
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    /// <summary>Adds a municipality's project to the edition, with one stage per stage definition.</summary>
    public Task<CommandResult> AddProjectAsync(int editionId, int municipalityId, ClaimsPrincipal actor) =>
        db.InTransactionAsync(() => AddProjectInTransactionAsync(editionId, municipalityId, actor));

    private async Task<CommandResult> AddProjectInTransactionAsync(int editionId, int municipalityId, ClaimsPrincipal actor)
    {
        var edition = await db.Editions.Include(e => e.Stages).SingleOrDefaultAsync(e => e.Id == editionId);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == municipalityId);
        if (edition is null || municipality is null)
        {
            return CommandResult.Fail("Elegí un municipio de la lista.");
        }

        if (edition.Stages.Count == 0)
        {
            return CommandResult.Fail("La edición todavía no tiene etapas: agregalas en el editor de etapas antes de sumar proyectos.");
        }

        if (await db.Projects.AnyAsync(p => p.EditionId == editionId && p.MunicipalityId == municipalityId))
        {
            return CommandResult.Fail($"{municipality.Name} ya participa de esta edición.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var project = ProjectFactory.Create(edition, municipality, now > edition.StartsAtUtc ? now : edition.StartsAtUtc);
        db.Projects.Add(project);
        await db.SaveChangesAsync(); // the audit entry records the new id
        audit.Record(actor, AuditActions.ProjectAdded, nameof(Project), project.Id, $"{municipality.Name} en «{edition.Name}»");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    private static void Apply(ProgramEdition edition, EditionForm form)
    {
        edition.StartsAtUtc = ArgentinaClock.ToUtc(form.StartDate!.Value);
        // The end date is inclusive: the edition runs until the end of that day in Argentina.
        edition.EndsAtUtc = form.EndDate is { } end ? ArgentinaClock.EndOfLocalDay(end) : null;
        edition.ShareApprovedDeliverables = form.ShareApprovedDeliverables;
        edition.AnonymizeExperts = form.AnonymizeExperts;
    }

    private static string Describe(ProgramEdition e) =>
        $"{e.Name}; {e.Theme}; {ArgentinaClock.DateText(e.StartsAtUtc)} – {(e.EndsAtUtc is { } end ? ArgentinaClock.DateText(end) : "sin fin")}; compartir: {(e.ShareApprovedDeliverables ? "sí" : "no")}; anonimizar expertos: {(e.AnonymizeExperts ? "sí" : "no")}";
}
