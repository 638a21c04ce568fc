using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.StageTemplates;

/// <summary>
/// Reads and changes an edition's stages and their field schemas. The rules that protect stored
/// content live in Core (StageSchemaEditor); this class loads, saves and audits.
/// </summary>
public class StageTemplateEditor(AppDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// A team has submitted this project's stage: it was submitted once (and maybe reopened since),
    /// or it is waiting for review or was reviewed. The one rule for "the stage has submissions".
    /// </summary>
    private static readonly Expression<Func<ProjectStage, bool>> WasSubmitted = s =>
        s.SubmittedAtUtc != null || s.State == StageState.Submitted || s.State == StageState.Approved || s.State == StageState.ChangesRequested;

    public async Task<StageTemplateViewModel?> GetEditionAsync(int editionId, NewStageForm? newStage = null)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => new { e.Name }).SingleOrDefaultAsync();
        if (edition is null)
        {
            return null;
        }

        var stages = await db.StageDefinitions.AsNoTracking().Where(s => s.EditionId == editionId).OrderBy(s => s.Order)
            .Select(s => new { s.Id, s.Order, s.Key, s.Name, s.Role, s.DueAtUtc, s.SchemaJson, HasSubmissions = db.ProjectStages.Where(p => p.StageDefinitionId == s.Id).Any(WasSubmitted) })
            .ToListAsync();
        return new StageTemplateViewModel(editionId, edition.Name,
            stages.Select(s => new StageListRow(s.Id, s.Order, s.Key, s.Name, s.DueAtUtc, StageSchema.FromJson(s.SchemaJson).Fields.Count, s.HasSubmissions, s.Role)).ToList(),
            newStage ?? new NewStageForm());
    }

    public async Task<TemplateStageViewModel?> GetStageAsync(int editionId, int stageId, StageForm? form = null)
    {
        var stage = await db.StageDefinitions.AsNoTracking().Where(s => s.Id == stageId && s.EditionId == editionId)
            .Select(s => new { s.Id, s.Key, s.Order, s.Name, s.Role, s.Description, s.GuidingQuestions, s.DueAtUtc, s.SchemaJson, Edition = s.Edition.Name })
            .SingleOrDefaultAsync();
        if (stage is null)
        {
            return null;
        }

        var withContent = await KeysWithContentAsync(stageId);
        var schema = StageSchema.FromJson(stage.SchemaJson);
        form ??= new StageForm
        {
            Name = stage.Name,
            Description = stage.Description,
            GuidingQuestions = stage.GuidingQuestions,
            DueDate = stage.DueAtUtc is { } due ? ArgentinaClock.LocalDate(due) : null,
            Role = stage.Role,
        };
        return new TemplateStageViewModel(editionId, stage.Edition, stage.Id, stage.Key, stage.Order, form,
            schema.Fields.Select(f => new FieldRow(f.Key, f.Label, f.Type, f.Required, withContent.Contains(f.Key))).ToList(),
            withContent.Where(k => schema.Find(k) is null).Order(StringComparer.Ordinal).ToList(),
            await HasSubmissionsAsync(stageId));
    }

    public async Task<FieldViewModel?> GetFieldAsync(int editionId, int stageId, string? key, FieldForm? form = null)
    {
        var stage = await db.StageDefinitions.AsNoTracking().Where(s => s.Id == stageId && s.EditionId == editionId)
            .Select(s => new { s.Name, s.SchemaJson }).SingleOrDefaultAsync();
        if (stage is null)
        {
            return null;
        }

        FieldDefinition? field = null;
        if (key is not null && (field = StageSchema.FromJson(stage.SchemaJson).Find(key)) is null)
        {
            return null;
        }

        var hasContent = key is not null && (await KeysWithContentAsync(stageId)).Contains(key);
        return new FieldViewModel(editionId, stageId, stage.Name, key is null, form ?? (field is null ? new FieldForm { MaxLength = 2000 } : FieldForm.From(field)), hasContent, await HasSubmissionsAsync(stageId));
    }

    /// <summary>True once any team has submitted this stage: changing it then needs confirmation.</summary>
    public Task<bool> HasSubmissionsAsync(int stageId) =>
        db.ProjectStages.Where(s => s.StageDefinitionId == stageId).AnyAsync(WasSubmitted);

    /// <summary>The field keys that hold a value in any deliverable of the stage (drafts included).</summary>
    public async Task<HashSet<string>> KeysWithContentAsync(int stageId)
    {
        var contents = await db.Deliverables.AsNoTracking().Where(d => d.ProjectStage.StageDefinitionId == stageId).Select(d => d.ContentJson).ToListAsync();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var content in contents)
        {
            foreach (var (key, value) in DeliverableContent.Parse(content).Root)
            {
                if (HasValue(value))
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    private static bool HasValue(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonValue value when value.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };

    /// <summary>The Spanish error when another stage of the edition already has the role; null when it is free (or no role is chosen).</summary>
    public async Task<string?> RoleTakenErrorAsync(int editionId, int? stageId, StageRole? role)
    {
        if (role is null)
        {
            return null;
        }

        if (!Enum.IsDefined(role.Value))
        {
            return "Elegí una función de la lista.";
        }

        var holder = await db.StageDefinitions.Where(s => s.EditionId == editionId && s.Role == role && s.Id != stageId).Select(s => s.Name).FirstOrDefaultAsync();
        return holder is null ? null : $"La función «{role.Value.Label()}» ya la tiene la etapa «{holder}» de esta edición. Cada función puede tenerla una sola etapa: quitásela a esa etapa primero.";
    }

    public Task<CommandResult> AddStageAsync(int editionId, NewStageForm form, ClaimsPrincipal actor) =>
        db.InTransactionAsync(() => AddStageInTransactionAsync(editionId, form, actor));

    private async Task<CommandResult> AddStageInTransactionAsync(int editionId, NewStageForm form, ClaimsPrincipal actor)
    {
        var key = form.Key.Trim();
        if (!StageSchemaEditor.IsValidKey(key))
        {
            return CommandResult.Fail(nameof(NewStageForm.Key), "La clave lleva de 1 a 60 caracteres: minúsculas sin tildes, números, guiones; empieza con una letra.");
        }

        if (await db.StageDefinitions.AnyAsync(s => s.EditionId == editionId && s.Key == key))
        {
            return CommandResult.Fail(nameof(NewStageForm.Key), "Ya hay una etapa con esa clave en esta edición.");
        }

        var order = (await db.StageDefinitions.Where(s => s.EditionId == editionId).MaxAsync(s => (int?)s.Order) ?? 0) + 1;
        var stage = new StageDefinition { EditionId = editionId, Order = order, Key = key, Name = form.Name.Trim() };
        ApplyStage(stage, form);
        db.StageDefinitions.Add(stage);
        // Projects already in the edition get the new stage too, locked until they reach it.
        var projects = await db.Projects.Where(p => p.EditionId == editionId).Select(p => p.Id).ToListAsync();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var projectId in projects)
        {
            var locked = ProjectStage.Locked(stage, now);
            locked.ProjectId = projectId;
            db.ProjectStages.Add(locked);
        }

        await db.SaveChangesAsync(); // the audit entry records the new id
        audit.Record(actor, AuditActions.StageAdded, nameof(StageDefinition), stage.Id, $"{order}. {stage.Name} ({key})");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<bool> UpdateStageAsync(int editionId, int stageId, StageForm form, ClaimsPrincipal actor)
    {
        var stage = await db.StageDefinitions.SingleOrDefaultAsync(s => s.Id == stageId && s.EditionId == editionId);
        if (stage is null)
        {
            return false;
        }

        var before = Summary(stage);
        stage.Name = form.Name.Trim();
        ApplyStage(stage, form);
        audit.Record(actor, AuditActions.StageEdited, nameof(StageDefinition), stage.Id, $"Antes: {before}. Después: {Summary(stage)}");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Swaps the stage with its neighbour; three saves in a transaction because (edition, order) is unique.</summary>
    public Task MoveStageAsync(int editionId, int stageId, int direction, ClaimsPrincipal actor) =>
        db.InTransactionAsync(() => MoveStageInTransactionAsync(editionId, stageId, direction, actor));

    private async Task MoveStageInTransactionAsync(int editionId, int stageId, int direction, ClaimsPrincipal actor)
    {
        var stages = await db.StageDefinitions.Where(s => s.EditionId == editionId).OrderBy(s => s.Order).ToListAsync();
        var index = stages.FindIndex(s => s.Id == stageId);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= stages.Count)
        {
            return;
        }

        var (a, b) = (stages[index], stages[target]);
        var (orderA, orderB) = (a.Order, b.Order);
        a.Order = -1;
        await db.SaveChangesAsync();
        b.Order = orderA;
        await db.SaveChangesAsync();
        a.Order = orderB;
        audit.Record(actor, AuditActions.StagesReordered, nameof(StageDefinition), a.Id, $"«{a.Name}» pasa al lugar {orderB}; «{b.Name}» al {orderA}");
        await db.SaveChangesAsync();
    }

    /// <summary>Applies a schema edit (from StageSchemaEditor) and records it; returns the rule errors if refused (null: no such stage). With save false it only checks.</summary>
    public async Task<IReadOnlyList<SchemaError>?> EditSchemaAsync(int editionId, int stageId, Func<StageSchema, HashSet<string>, SchemaEditResult> edit, ClaimsPrincipal actor, string action, string details, bool save = true)
    {
        var stage = await db.StageDefinitions.SingleOrDefaultAsync(s => s.Id == stageId && s.EditionId == editionId);
        if (stage is null)
        {
            return null;
        }

        var result = edit(StageSchema.FromJson(stage.SchemaJson), await KeysWithContentAsync(stageId));
        if (!result.Succeeded || !save)
        {
            return result.Errors;
        }

        stage.SchemaJson = result.Schema.ToJson();
        audit.Record(actor, action, nameof(StageDefinition), stage.Id, $"Etapa «{stage.Name}»: {details}");
        await db.SaveChangesAsync();
        return [];
    }

    private static string Summary(StageDefinition stage) =>
        $"{stage.Name}; vence {stage.DueAtUtc?.ToString("u") ?? "sin fecha"}; función {stage.Role?.Label() ?? "ninguna"}";

    private static void ApplyStage(StageDefinition stage, StageForm form)
    {
        stage.Role = form.Role;
        // The expert panel is the coordinators' and experts' stage: the team has no form to fill in it.
        stage.HasTeamForm = stage.Role != StageRole.ExpertPanel;
        stage.Description = form.Description?.Trim() ?? "";
        stage.GuidingQuestions = string.Join('\n', (form.GuidingQuestions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        // Due at the end of the chosen day in Argentina.
        stage.DueAtUtc = form.DueDate is { } due ? ArgentinaClock.EndOfLocalDay(due) : null;
    }
}
