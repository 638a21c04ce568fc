using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;
using ProgramaInnovacion.Web.Infrastructure.Links;
using ProgramaInnovacion.Web.Infrastructure.Storage;

namespace ProgramaInnovacion.Web.Features.Calls;

/// <summary>
/// An edition's call for applications: coordinators schedule it; a municipality starts an
/// application without an account and keeps working on it through a private link, until it submits
/// or the call closes. Open means: the edition is in "convocatoria abierta" and the clock (Argentina
/// time, from TimeProvider) is between the call's open and close instants — checked in every command.
/// </summary>
public class CallService(AppDbContext db, AuditLog audit, Outbox outbox, PrivateLinks links, IFileStore files, UploadOptions uploads, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<CallAdminViewModel?> AdminPageAsync(int editionId, CallScheduleForm? form = null)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => new { e.Name, e.Phase }).SingleOrDefaultAsync();
        if (edition is null)
        {
            return null;
        }

        var call = await db.ApplicationCalls.AsNoTracking().SingleOrDefaultAsync(c => c.EditionId == editionId);
        form ??= new CallScheduleForm
        {
            OpensAt = call is null ? null : ArgentinaTime.ToLocal(call.OpensAtUtc),
            ClosesAt = call is null ? null : ArgentinaTime.ToLocal(call.ClosesAtUtc),
        };
        var rows = await db.CallApplications.AsNoTracking().Where(a => a.Call.EditionId == editionId).OrderBy(a => a.Municipality.Name)
            .Select(a => new CallApplicationRow(a.Id, a.Municipality.Name, a.Municipality.Province, a.ContactName, a.ContactEmail, a.UpdatedAtUtc, a.SubmittedAtUtc, a.Decision))
            .ToListAsync();
        return new CallAdminViewModel(editionId, edition.Name, edition.Phase, form, call is not null, call is not null && IsOpen(edition.Phase, call), $"/convocatorias/{editionId}", rows);
    }

    /// <summary>Sets the call's open and close instants (typed in Argentina time); the first time, the edition gets the default selection criteria.</summary>
    public async Task<CommandResult> ScheduleAsync(int editionId, CallScheduleForm form, ClaimsPrincipal actor)
    {
        var opens = ArgentinaTime.ToUtc(form.OpensAt!.Value);
        var closes = ArgentinaTime.ToUtc(form.ClosesAt!.Value);
        if (closes <= opens)
        {
            return CommandResult.Fail(nameof(form.ClosesAt), "El cierre tiene que ser posterior a la apertura.");
        }

        var edition = await db.Editions.SingleOrDefaultAsync(e => e.Id == editionId);
        if (edition is null)
        {
            return CommandResult.Fail("Esa edición no existe.");
        }

        if (EditionLifecycle.IsReadOnly(edition.Phase))
        {
            return CommandResult.Fail(EditionLifecycle.ClosedMessage);
        }

        var call = await db.ApplicationCalls.SingleOrDefaultAsync(c => c.EditionId == editionId);
        if (call is null)
        {
            call = new ApplicationCall { EditionId = editionId };
            db.ApplicationCalls.Add(call);
            if (!await db.SelectionCriteria.AnyAsync(c => c.EditionId == editionId))
            {
                db.SelectionCriteria.AddRange(SelectionCriterion.Defaults.Select((c, i) => new SelectionCriterion { EditionId = editionId, Order = i + 1, Name = c.Name, Description = c.Description }));
            }
        }

        call.OpensAtUtc = opens;
        call.ClosesAtUtc = closes;
        audit.Record(actor, AuditActions.CallScheduled, nameof(ApplicationCall), editionId,
            $"{edition.Name}: del {ArgentinaClock.DateTimeText(opens)} al {ArgentinaClock.DateTimeText(closes)}");
        await db.SaveChangesAsync();
        return CommandResult.Done;
    }

    public async Task<CallPublicViewModel?> PublicPageAsync(int editionId, StartApplicationForm? form = null)
    {
        var call = await db.ApplicationCalls.AsNoTracking().Where(c => c.EditionId == editionId)
            .Select(c => new { c.Edition.Name, c.Edition.Theme, c.Edition.Phase, Call = c }).SingleOrDefaultAsync();
        if (call is null)
        {
            return null;
        }

        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Province).ThenBy(m => m.Name)
            .Select(m => new CallOption(m.Id, m.Name + " (" + m.Province + ")", m.Province)).ToListAsync();
        var reason = ClosedReason(call.Phase, call.Call);
        return new CallPublicViewModel(editionId, call.Name, call.Theme, call.Call.OpensAtUtc, call.Call.ClosesAtUtc, reason is null, reason, form ?? new StartApplicationForm(), municipalities);
    }

    /// <summary>Creates the municipality's draft and e-mails the private link to its contact.</summary>
    public async Task<CommandResult<string>> StartAsync(int editionId, StartApplicationForm form)
    {
        var call = await db.ApplicationCalls.Where(c => c.EditionId == editionId).Select(c => new { Call = c, c.Edition.Phase, c.Edition.Name }).SingleOrDefaultAsync();
        if (call is null)
        {
            return CommandResult.Fail<string>("Esta edición no tiene convocatoria.");
        }

        if (ClosedReason(call.Phase, call.Call) is { } reason)
        {
            return CommandResult.Fail<string>(reason);
        }

        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == form.MunicipalityId);
        if (municipality is null)
        {
            return CommandResult.Fail<string>("Elegí el municipio de la lista.", Field(nameof(form.MunicipalityId), "Elegí el municipio de la lista."));
        }

        if (await db.CallApplications.AnyAsync(a => a.CallId == call.Call.Id && a.MunicipalityId == municipality.Id))
        {
            var message = $"{municipality.Name} ya empezó su postulación: la persona de contacto recibió por correo el enlace privado para seguirla.";
            return CommandResult.Fail<string>(message, Field(nameof(form.MunicipalityId), message));
        }

        var now = Now;
        var application = new CallApplication
        {
            CallId = call.Call.Id,
            MunicipalityId = municipality.Id,
            ContactName = form.ContactName.Trim(),
            ContactEmail = form.ContactEmail.Trim(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.CallApplications.Add(application);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the unique (call, municipality) index keeps one.
            db.ChangeTracker.Clear();
            return CommandResult.Fail<string>($"{municipality.Name} ya empezó su postulación.");
        }

        var token = links.Token(PrivateLinks.ApplicationPurpose, application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await outbox.QueueAccountEmailAsync(application.ContactEmail, null, application.ContactName, $"Tu postulación a «{call.Name}»",
            $"Empezaste la postulación de {municipality.Name} a «{call.Name}». Podés completarla y guardarla como borrador las veces que quieras hasta enviarla; la convocatoria cierra el {ArgentinaClock.DateTimeText(call.Call.ClosesAtUtc)} (hora de Argentina).",
            "Seguir la postulación", outbox.AbsoluteLink(ApplicationPath(token)),
            "Este enlace es privado: quien lo tenga puede editar la postulación. No lo reenvíes fuera del equipo.");
        await db.SaveChangesAsync();
        return CommandResult.Ok(token);
    }

    public static string ApplicationPath(string token) => "/postulaciones/" + Uri.EscapeDataString(token);

    public async Task<ApplicationViewModel?> GetAsync(string token, ApplicationForm? form = null)
    {
        if (ApplicationId(token) is not { } id)
        {
            return null;
        }

        var row = await db.CallApplications.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { Application = a, Municipality = a.Municipality.Name, a.Municipality.Province, Edition = a.Call.Edition.Name, a.Call.Edition.Phase, Call = a.Call, Members = a.Members.OrderBy(m => m.Order).ToList() })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var a = row.Application;
        form ??= new ApplicationForm
        {
            ContactName = a.ContactName,
            ContactEmail = a.ContactEmail,
            Challenge = a.Challenge,
            Motivation = a.Motivation,
            Members = row.Members.Select(m => new MemberRow { Name = m.Name, Email = m.Email }).ToList(),
        };
        form.PadMembers();
        var locked = a.SubmittedAtUtc is not null ? $"La postulación se envió el {ArgentinaClock.DateTimeText(a.SubmittedAtUtc.Value)}; ya no se modifica." : ClosedReason(row.Phase, row.Call);
        return new ApplicationViewModel(token, row.Municipality, row.Province, row.Edition, row.Call.ClosesAtUtc, locked is null, locked, a.SubmittedAtUtc, a.LetterFileName, form);
    }

    /// <summary>
    /// Saves the draft, or submits it when everything required is there (otherwise it is kept as a
    /// draft and the missing fields are named). Refused after the close or once submitted.
    /// </summary>
    public async Task<CommandResult> SaveAsync(string token, ApplicationForm form, IFormFile? letter)
    {
        if (ApplicationId(token) is not { } id)
        {
            return CommandResult.Fail("El enlace de la postulación no es válido.");
        }

        var application = await db.CallApplications.Include(a => a.Members).Include(a => a.Call).ThenInclude(c => c.Edition).Include(a => a.Municipality)
            .SingleOrDefaultAsync(a => a.Id == id);
        if (application is null)
        {
            return CommandResult.Fail("El enlace de la postulación no es válido.");
        }

        if (application.SubmittedAtUtc is not null)
        {
            return CommandResult.Fail("La postulación ya se envió: no se modifica.");
        }

        if (ClosedReason(application.Call.Edition.Phase, application.Call) is { } reason)
        {
            return CommandResult.Fail(reason);
        }

        var errors = new Dictionary<string, string>();
        var members = form.Members.Select(m => new { Name = m.Name.Trim(), Email = m.Email.Trim() }).Where(m => m.Name.Length > 0 || m.Email.Length > 0).ToList();
        var email = new EmailAddressAttribute();
        for (var i = 0; i < form.Members.Count; i++)
        {
            var m = form.Members[i];
            if ((m.Name.Trim().Length > 0 || m.Email.Trim().Length > 0) && (m.Name.Trim().Length == 0 || !email.IsValid(m.Email.Trim()) || m.Email.Trim().Length == 0))
            {
                errors[$"Form.Members[{i}].Email"] = $"Integrante {i + 1}: escribí el nombre y un correo válido.";
            }
        }

        if (form.ContactEmail.Trim().Length > 0 && !email.IsValid(form.ContactEmail.Trim()))
        {
            errors["Form.ContactEmail"] = "Escribí un correo de contacto válido.";
        }

        (FileKind? Kind, string? Problem) checkedLetter = (null, null);
        if (letter is { Length: > 0 } || letter is { FileName.Length: > 0 })
        {
            checkedLetter = UploadCheck.Check(letter, uploads);
            if (checkedLetter.Problem is not null)
            {
                errors["letter"] = checkedLetter.Problem;
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult.Fail("Revisá los campos marcados; no se guardó nada todavía.", errors);
        }

        var submit = form.Command == "enviar";
        if (submit)
        {
            Require(errors, "Form.ContactName", form.ContactName, "Escribí el nombre de la persona de contacto.");
            Require(errors, "Form.ContactEmail", form.ContactEmail, "Escribí el correo de contacto.");
            Require(errors, "Form.Challenge", form.Challenge, "Describí el desafío de digitalización de servicios que proponen.");
            Require(errors, "Form.Motivation", form.Motivation, "Contá por qué quieren participar.");
            if (members.Count == 0)
            {
                errors.TryAdd("Form.Members[0].Name", "Listá al menos una persona del equipo, con su correo.");
            }

            if (application.LetterStoredName is null && checkedLetter.Kind is null)
            {
                errors.TryAdd("letter", "Adjuntá la carta de compromiso firmada por las autoridades.");
            }
        }

        // What is missing for a submission does not lose what was typed: it is saved as a draft.
        var missing = errors.Count > 0;
        submit &= !missing;

        string? stored = null;
        if (checkedLetter.Kind is { } kind)
        {
            await using var stream = letter!.OpenReadStream();
            stored = await files.SaveAsync(stream);
        }

        var previousLetter = application.LetterStoredName;
        try
        {
            var now = Now;
            application.ContactName = form.ContactName.Trim().Length > 0 ? form.ContactName.Trim() : application.ContactName;
            application.ContactEmail = form.ContactEmail.Trim().Length > 0 ? form.ContactEmail.Trim() : application.ContactEmail;
            application.Challenge = form.Challenge.Trim();
            application.Motivation = form.Motivation.Trim();
            application.UpdatedAtUtc = now;
            db.ApplicationMembers.RemoveRange(application.Members);
            application.Members = members.Select((m, i) => new ApplicationMember { Order = i + 1, Name = m.Name, Email = m.Email }).ToList();
            if (stored is not null)
            {
                application.LetterStoredName = stored;
                application.LetterFileName = letter!.FileName;
                application.LetterContentType = checkedLetter.Kind!.ContentType;
                application.LetterSizeBytes = letter.Length;
            }

            if (submit)
            {
                application.SubmittedAtUtc = now;
                audit.Record((ClaimsPrincipal?)null, AuditActions.ApplicationSubmitted, nameof(CallApplication), application.Id,
                    $"{application.Municipality.Name} en «{application.Call.Edition.Name}»; contacto {application.ContactEmail}");
                await outbox.QueueAccountEmailAsync(application.ContactEmail, null, application.ContactName, $"Recibimos la postulación de {application.Municipality.Name}",
                    $"Recibimos la postulación de {application.Municipality.Name} a «{application.Call.Edition.Name}» el {ArgentinaClock.DateTimeText(now)}. La coordinación la va a evaluar con los criterios de selección y les avisará el resultado por correo.",
                    "Ver la postulación enviada", outbox.AbsoluteLink(ApplicationPath(token)),
                    "Gracias por postularse. Si tienen preguntas, respondan a este correo.");
            }

            await db.SaveChangesAsync();
        }
        catch
        {
            if (stored is not null)
            {
                await files.DeleteAsync(stored); // the row was not saved: leave no orphan file behind
            }

            throw;
        }

        if (stored is not null && previousLetter is not null)
        {
            await files.DeleteAsync(previousLetter);
        }

        return missing ? CommandResult.Fail("Guardamos el borrador, pero faltan datos para enviar la postulación: revisá los campos marcados.", errors) : CommandResult.Done;
    }

    /// <summary>The commitment letter, for the coordination (the caller authorized).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)?> LetterAsync(int editionId, int applicationId)
    {
        var letter = await db.CallApplications.AsNoTracking().Where(a => a.Id == applicationId && a.Call.EditionId == editionId && a.LetterStoredName != null)
            .Select(a => new { a.LetterStoredName, a.LetterContentType, a.LetterFileName }).SingleOrDefaultAsync();
        var stream = letter is null ? null : await files.OpenReadAsync(letter.LetterStoredName!);
        return stream is null ? null : (stream, letter!.LetterContentType ?? "application/octet-stream", letter.LetterFileName ?? "carta.pdf");
    }

    private int? ApplicationId(string? token) =>
        int.TryParse(links.Read(PrivateLinks.ApplicationPurpose, token), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    private bool IsOpen(EditionPhase phase, ApplicationCall call) => ClosedReason(phase, call) is null;

    /// <summary>Null while the call takes applications; otherwise why not, in Spanish.</summary>
    private string? ClosedReason(EditionPhase phase, ApplicationCall call)
    {
        var now = Now;
        if (now < call.OpensAtUtc)
        {
            return $"La convocatoria abre el {ArgentinaClock.DateTimeText(call.OpensAtUtc)} (hora de Argentina).";
        }

        if (!call.IsOpenAt(now))
        {
            return $"La convocatoria cerró el {ArgentinaClock.DateTimeText(call.ClosesAtUtc)} (hora de Argentina): ya no se reciben ni se modifican postulaciones.";
        }

        return phase == EditionPhase.CallOpen ? null : $"La convocatoria no está abierta: la edición está en la fase «{phase.Label()}».";
    }

    private static void Require(Dictionary<string, string> errors, string field, string value, string message)
    {
        if (value.Trim().Length == 0)
        {
            errors.TryAdd(field, message);
        }
    }

    private static Dictionary<string, string> Field(string field, string message) => new() { ["Form." + field] = message };
}
