using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Deliverables;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;

namespace ProgramaInnovacion.Web.Features.Results;

/// <summary>
/// The changes of the follow-up: a measured value, an activity's status, an adoption, a showcase
/// publication. Callers authorize first (ProjectAccess); each change saves with its audit entry.
/// </summary>
public class FollowUpCommands(AppDbContext db, AuditLog audit, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => ArgentinaTime.LocalDate(Now);

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<CommandResult> RecordMeasurementAsync(ClaimsPrincipal user, int projectId, int indicatorId, string? value, string? measuredOn, string? note)
    {
        var indicator = await db.FollowUpIndicators.SingleOrDefaultAsync(i => i.Id == indicatorId && i.ProjectId == projectId);
        if (indicator is null)
        {
            return CommandResult.Fail("Ese indicador no es de este proyecto.");
        }

        var errors = new Dictionary<string, string>();
        var reading = ArgentineNumber.Read(value);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors["valor"] = "Escribí el valor medido (por ejemplo 1.250 o 4,5).";
        }
        else if (reading.Value is null)
        {
            errors["valor"] = ArgentineNumber.Problem("Valor medido", value) ?? "Escribí el valor medido como un número (por ejemplo 1.250 o 4,5).";
        }

        var (date, dateProblem) = FormDate.Read("la fecha de la medición", measuredOn, Today);
        if (dateProblem is not null)
        {
            errors["fecha"] = dateProblem;
        }

        if (errors.Count > 0 || reading.Value is not { } number || date is not { } day)
        {
            return CommandResult.Fail("No se pudo registrar la medición: revisá los campos marcados.", errors);
        }

        db.IndicatorMeasurements.Add(new IndicatorMeasurement
        {
            IndicatorId = indicator.Id,
            MeasuredOn = day,
            Value = number,
            Note = Trim(note, 1000),
            RecordedById = UserId(user),
            RecordedAtUtc = Now,
        });
        audit.Record(user, AuditActions.MeasurementRecorded, nameof(FollowUpIndicator), indicator.Id, $"{indicator.Name}: {ArgentineNumber.Format(number)} ({day:yyyy-MM-dd})");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CommandResult> SetActivityAsync(ClaimsPrincipal user, int projectId, int activityId, ActivityStatus? status, string? note)
    {
        var activity = await db.FollowUpActivities.SingleOrDefaultAsync(a => a.Id == activityId && a.ProjectId == projectId);
        if (activity is null)
        {
            return CommandResult.Fail("Esa actividad no es de este proyecto.");
        }

        if (status is not { } newStatus || !Enum.IsDefined(newStatus))
        {
            return CommandResult.Fail("No se pudo guardar el estado de la actividad: revisá los campos marcados.", new Dictionary<string, string> { ["estado"] = "Elegí el estado de la actividad." });
        }

        if (newStatus == ActivityStatus.Discarded && string.IsNullOrWhiteSpace(note))
        {
            return CommandResult.Fail("No se pudo guardar el estado de la actividad: revisá los campos marcados.", new Dictionary<string, string> { ["nota"] = "Contá en la nota por qué se descartó la actividad." });
        }

        activity.Status = newStatus;
        activity.Note = Trim(note, 1000);
        activity.UpdatedAtUtc = Now;
        activity.UpdatedById = UserId(user);
        audit.Record(user, AuditActions.ActivityStatusChanged, nameof(FollowUpActivity), activity.Id, $"{activity.Name}: {newStatus.Label()}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CommandResult> AddAdoptionAsync(ClaimsPrincipal user, int projectId, int? municipalityId, string? adoptedOn, AdoptionStatus? status, string? contact, string? note)
    {
        var errors = new Dictionary<string, string>();
        var ownMunicipality = await db.Projects.Where(p => p.Id == projectId).Select(p => p.MunicipalityId).SingleAsync();
        if (municipalityId is not { } id || id == ownMunicipality || !await db.Municipalities.AnyAsync(m => m.Id == id))
        {
            errors["municipio"] = "Elegí el municipio que adopta el proyecto (otro que el del equipo).";
            id = 0;
        }

        var (date, dateProblem) = FormDate.Read("la fecha de la adopción", adoptedOn, Today);
        if (dateProblem is not null)
        {
            errors["fechaAdopcion"] = dateProblem;
        }

        if (status is not { } adoptionStatus || !Enum.IsDefined(adoptionStatus))
        {
            errors["estadoAdopcion"] = "Elegí el estado de la adopción.";
            adoptionStatus = default;
        }

        if (errors.Count > 0 || date is not { } day)
        {
            return CommandResult.Fail("No se pudo registrar la adopción: revisá los campos marcados.", errors);
        }

        var adoption = new Adoption
        {
            ProjectId = projectId,
            MunicipalityId = id,
            AdoptedOn = day,
            Status = adoptionStatus,
            Contact = Trim(contact, 300),
            Note = Trim(note, 1000),
            CreatedAtUtc = Now,
            CreatedById = UserId(user),
        };
        db.Adoptions.Add(adoption);
        audit.Record(user, AuditActions.AdoptionRecorded, nameof(Project), projectId, $"Municipio {id}: {adoptionStatus.Label()}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CommandResult> PublishAsync(ClaimsPrincipal user, int projectId, bool teamConsented, string? consent, bool includeRecommendations)
    {
        if (!teamConsented || string.IsNullOrWhiteSpace(consent))
        {
            return CommandResult.Fail("consentimiento", "Para publicar, confirmá que el equipo dio su consentimiento y contá cómo (quién, cuándo, por qué medio).");
        }

        var publication = await db.ShowcasePublications.SingleOrDefaultAsync(p => p.ProjectId == projectId);
        if (publication is null)
        {
            publication = new ShowcasePublication { ProjectId = projectId, TeamConsent = "" };
            db.ShowcasePublications.Add(publication);
        }

        publication.TeamConsent = Trim(consent, 500)!;
        publication.IncludeRecommendations = includeRecommendations;
        publication.PublishedAtUtc = Now;
        publication.PublishedById = UserId(user);
        audit.Record(user, AuditActions.ShowcasePublished, nameof(Project), projectId, publication.TeamConsent);
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CommandResult> WithdrawAsync(ClaimsPrincipal user, int projectId)
    {
        var removed = await db.ShowcasePublications.Where(p => p.ProjectId == projectId).ToListAsync();
        db.ShowcasePublications.RemoveRange(removed);
        audit.Record(user, AuditActions.ShowcaseWithdrawn, nameof(Project), projectId);
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    private static string? Trim(string? text, int max)
    {
        var value = (text ?? "").Trim();
        return value.Length == 0 ? null : value.Length <= max ? value : value[..max];
    }
}
