using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Notifications;
using ProgramaInnovacion.Web.Infrastructure;

namespace ProgramaInnovacion.Web.Features.Users;

/// <summary>
/// Accounts as administrators manage them: invitations by e-mail (single-use, 7 days, only the
/// token's hash stored), roles, team membership and deactivation. Users are never deleted.
/// </summary>
public class UserAdministration(AppDbContext db, UserManager<AppUser> users, AuditLog audit, Outbox outbox, TimeProvider time)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync()
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, HasPassword = u.PasswordHash != null }).ToListAsync();
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var teams = await db.ProjectMembers.AsNoTracking()
            .Select(m => new { m.UserId, m.Project.Municipality.Name }).ToListAsync();
        var invitations = await db.Invitations.AsNoTracking()
            .Select(i => new { i.UserId, i.CreatedAtUtc, i.ExpiresAtUtc, i.AcceptedAtUtc, i.RevokedAtUtc }).ToListAsync();

        var now = time.GetUtcNow().UtcDateTime;
        return accounts.Select(u =>
        {
            var last = invitations.Where(i => i.UserId == u.Id).MaxBy(i => i.CreatedAtUtc);
            var status = last switch
            {
                null => null,
                { AcceptedAtUtc: not null } => "Aceptada",
                { RevokedAtUtc: not null } => "Reemplazada",
                _ when last.ExpiresAtUtc <= now => "Vencida",
                _ => "Pendiente",
            };
            return new UserRow(u.Id, u.DisplayName, u.Email ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").OrderBy(r => r, StringComparer.Ordinal).ToList(),
                teams.Where(t => t.UserId == u.Id).GroupBy(t => t.Name)
                    .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ({g.Count()} ediciones)").ToList(),
                u.IsActive, u.HasPassword, last?.CreatedAtUtc, status);
        }).ToList();
    }

    /// <summary>A form page with every list it offers: projects, alliance organisations and editions.</summary>
    /// <param name="memberships">The teams the account is in (its edit page lists those of other editions to keep).</param>
    public async Task<UserFormViewModel> FormPageAsync(UserFormBase form, string? userId, string? address, bool active, IReadOnlyList<ProjectOption>? memberships = null) =>
        new(form, await ProjectOptionsAsync(), userId, address, active)
        {
            Memberships = memberships ?? [],
            Organizations = await db.AllianceOrganizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new ProjectOption(o.Id, o.Name)).ToListAsync(),
            Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartsAtUtc).Select(e => new ProjectOption(e.Id, e.Name)).ToListAsync(),
        };

    public Task<List<ProjectOption>> ProjectOptionsAsync() =>
        db.Projects.AsNoTracking().OrderByDescending(p => p.Edition.StartsAtUtc).ThenBy(p => p.Municipality.Name)
            .Select(p => new ProjectOption(p.Id, p.Municipality.Name + " – " + p.Edition.Name)).ToListAsync();

    /// <summary>One account as its edit page shows it: the form's values, the address and whether it is active.</summary>
    public async Task<EditUserData?> GetFormAsync(string userId)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email, u.IsActive, u.OrganizationId }).SingleOrDefaultAsync();
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        // A team member of several editions (the demo's teams are in the 2021 edition and the current
        // one): the select shows the newest team, the others are listed to keep.
        var memberships = await db.ProjectMembers.Where(m => m.UserId == userId)
            .OrderByDescending(m => m.Project.Edition.StartsAtUtc).ThenByDescending(m => m.ProjectId)
            .Select(m => new ProjectOption(m.ProjectId, m.Project.Municipality.Name + " – " + m.Project.Edition.Name)).ToListAsync();
        var editions = await db.CoordinatorEditions.Where(c => c.UserId == userId).Select(c => c.EditionId).ToListAsync();
        var form = new EditUserForm
        {
            DisplayName = user.DisplayName,
            Roles = roles,
            ProjectId = memberships.FirstOrDefault()?.Id,
            OtherProjectIds = memberships.Skip(1).Select(m => m.Id).ToList(),
            OrganizationId = user.OrganizationId,
            EditionIds = editions,
        };
        return new EditUserData(form, user.Email, user.IsActive, memberships);
    }

    /// <summary>Checks roles against the known ones and the team against the roles; errors keyed by form field.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(UserFormBase form)
    {
        var errors = new List<(string, string)>();
        form.Roles = form.Roles.Where(Roles.All.Contains).Distinct().ToList();
        if (form.Roles.Count == 0)
        {
            errors.Add((nameof(form.Roles), "Elegí al menos un rol."));
        }

        var isTeam = form.Roles.Contains(Roles.MunicipalTeam);
        if (isTeam && form.ProjectId is null)
        {
            errors.Add((nameof(form.ProjectId), "Elegí el proyecto del equipo municipal."));
        }
        else if (!isTeam && form.ProjectId is not null)
        {
            errors.Add((nameof(form.ProjectId), "Solo el rol «Equipo municipal» pertenece a un proyecto; marcá ese rol o dejá el proyecto vacío."));
        }
        else if (form.ProjectId is { } id && !await db.Projects.AnyAsync(p => p.Id == id))
        {
            errors.Add((nameof(form.ProjectId), "El proyecto elegido no existe."));
        }

        if (form is EditUserForm edit)
        {
            edit.OtherProjectIds = edit.OtherProjectIds.Distinct().ToList();
            if (!isTeam && edit.OtherProjectIds.Count > 0)
            {
                errors.Add((nameof(edit.OtherProjectIds), "Solo el rol «Equipo municipal» integra equipos; marcá ese rol o desmarcá los equipos de otras ediciones."));
            }
        }

        if (form.OrganizationId is { } organizationId && !await db.AllianceOrganizations.AnyAsync(o => o.Id == organizationId))
        {
            errors.Add((nameof(form.OrganizationId), "La organización elegida no existe."));
        }
        else if (form.Roles.Contains(Roles.Mentor) && form.OrganizationId is null)
        {
            errors.Add((nameof(form.OrganizationId), "Un mentor es una persona de una organización de la alianza: elegí cuál."));
        }

        form.EditionIds = form.EditionIds.Distinct().ToList();
        if (form.EditionIds.Count > 0 && !form.Roles.Contains(Roles.Coordinator))
        {
            errors.Add((nameof(form.EditionIds), "Solo el rol «Coordinador» coordina ediciones; marcá ese rol o desmarcá las ediciones."));
        }
        else if (form.EditionIds.Count > 0 && await db.Editions.CountAsync(e => form.EditionIds.Contains(e.Id)) != form.EditionIds.Count)
        {
            errors.Add((nameof(form.EditionIds), "Alguna de las ediciones elegidas no existe."));
        }

        return errors;
    }

    /// <summary>Creates the account without a password and e-mails the invitation link.</summary>
    public async Task<CommandResult<AppUser>> InviteAsync(InviteUserForm form, ClaimsPrincipal actor, Func<string, string> linkFor)
    {
        var address = form.Email.Trim();
        if (await users.FindByEmailAsync(address) is not null)
        {
            return CommandResult.Fail<AppUser>("Ya hay una cuenta con ese correo. Buscala en la lista para reenviarle la invitación.");
        }

        // UserManager saves on its own: the account, its roles, team and invitation commit together or not at all.
        var invited = await db.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var user = new AppUser { UserName = address, Email = address, DisplayName = form.DisplayName.Trim(), CreatedAtUtc = now, OrganizationId = form.OrganizationId };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new Invited(null, string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRolesAsync(user, form.Roles);
            if (form.ProjectId is { } projectId)
            {
                db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, UserId = user.Id, JoinedAtUtc = now });
            }

            db.CoordinatorEditions.AddRange(form.EditionIds.Select(e => new CoordinatorEdition { UserId = user.Id, EditionId = e }));
            audit.Record(actor, AuditActions.UserInvited, nameof(AppUser), user.Id, $"{address}; roles: {string.Join(", ", form.Roles)}; proyecto: {form.ProjectId?.ToString() ?? "ninguno"}{EditionsNote(form)}");
            await IssueInvitationAsync(user, actor, linkFor);
            return new Invited(user, null);
        }, i => i.Error is null);
        return invited is { User: { } invitedUser } ? CommandResult.Ok(invitedUser) : CommandResult.Fail<AppUser>(invited.Error!);
    }

    private static string EditionsNote(UserFormBase form) =>
        form.EditionIds.Count == 0 ? "" : $"; ediciones que coordina: {string.Join(", ", form.EditionIds)}";

    private sealed record Invited(AppUser? User, string? Error);

    /// <summary>A new link; every earlier one stops working.</summary>
    public async Task<bool> ResendAsync(string userId, ClaimsPrincipal actor, Func<string, string> linkFor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        await db.InTransactionAsync(async () =>
        {
            audit.Record(actor, AuditActions.InvitationResent, nameof(AppUser), user.Id, user.Email);
            await IssueInvitationAsync(user, actor, linkFor);
        });
        return true;
    }

    /// <summary>
    /// Revokes the open invitations and saves a new one with its e-mail in the outbox (and whatever
    /// else is pending): the link goes out only if the invitation commits.
    /// </summary>
    private async Task IssueInvitationAsync(AppUser user, ClaimsPrincipal actor, Func<string, string> linkFor)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Invitations.Where(i => i.UserId == user.Id && i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAtUtc, now));
        var (token, hash) = Invitation.NewToken();
        db.Invitations.Add(new Invitation
        {
            UserId = user.Id,
            TokenHash = hash,
            InvitedById = actor.FindFirstValue(ClaimTypes.NameIdentifier),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + Invitation.Lifetime,
        });
        var inviter = actor.Identity?.Name ?? "La coordinación del programa";
        await outbox.QueueAccountEmailAsync(user.Email!, user.Id, user.DisplayName, "Te invitaron al portal del Programa de Innovación",
            $"{inviter} te invitó al portal del Programa de Innovación para la Transformación Digital de la Red de Innovación Local (RIL).\n\nPara activar tu cuenta y elegir tu contraseña, abrí este enlace. Vale por 7 días y sirve una sola vez.",
            "Activar tu cuenta", linkFor(token),
            "Si el enlace venció, pedile a la coordinación que te envíe uno nuevo. Si no esperabas esta invitación, ignorá este mensaje.");
        await db.SaveChangesAsync();
    }

    /// <remarks>UserManager saves the roles on its own: the roles, team, audit entry and new security stamp commit together.</remarks>
    /// <returns>Null when the account does not exist.</returns>
    public Task<CommandResult?> UpdateAsync(string userId, EditUserForm form, ClaimsPrincipal actor) =>
        db.InTransactionAsync(() => UpdateInTransactionAsync(userId, form, actor), r => r is { Succeeded: true });

    private async Task<CommandResult?> UpdateInTransactionAsync(string userId, EditUserForm form, ClaimsPrincipal actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        if (!form.Roles.Contains(Roles.Administrator) && await IsLastActiveAdministratorAsync(userId))
        {
            return CommandResult.Fail(nameof(EditUserForm.Roles), "Es la única cuenta de administración activa: si le quitás el rol, nadie podría administrar el portal. Dale el rol a otra persona primero.");
        }

        user.DisplayName = form.DisplayName.Trim();
        user.OrganizationId = form.OrganizationId;
        var coordinated = await db.CoordinatorEditions.Where(c => c.UserId == userId).ToListAsync();
        db.CoordinatorEditions.RemoveRange(coordinated.Where(c => !form.EditionIds.Contains(c.EditionId)));
        db.CoordinatorEditions.AddRange(form.EditionIds.Where(e => coordinated.All(c => c.EditionId != e)).Select(e => new CoordinatorEdition { UserId = userId, EditionId = e }));
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(form.Roles));
        await users.AddToRolesAsync(user, form.Roles.Except(current));
        // The list of other teams only keeps or drops memberships the account already has: a posted id
        // of another project adds nothing.
        var memberships = await db.ProjectMembers.Where(m => m.UserId == userId).ToListAsync();
        var kept = memberships.Where(m => m.ProjectId == form.ProjectId || form.OtherProjectIds.Contains(m.ProjectId)).ToList();
        db.ProjectMembers.RemoveRange(memberships.Except(kept));
        if (form.ProjectId is { } projectId && memberships.All(m => m.ProjectId != projectId))
        {
            db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, UserId = userId, JoinedAtUtc = time.GetUtcNow().UtcDateTime });
        }

        var others = kept.Where(m => m.ProjectId != form.ProjectId).Select(m => m.ProjectId).ToList();
        var othersNote = others.Count == 0 ? "" : $"; también en los proyectos: {string.Join(", ", others)}";
        audit.Record(actor, AuditActions.UserEdited, nameof(AppUser), userId, $"{user.Email}; roles: {string.Join(", ", form.Roles)}; proyecto: {form.ProjectId?.ToString() ?? "ninguno"}{othersNote}{EditionsNote(form)}");
        await db.SaveChangesAsync();
        // New roles take effect at the next security-stamp check rather than at the next sign-in.
        await users.UpdateSecurityStampAsync(user);
        return CommandResult.Done;
    }

    private async Task<bool> IsLastActiveAdministratorAsync(string userId)
    {
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return administrators.Any(a => a.Id == userId) && !administrators.Any(a => a.Id != userId && a.IsActive);
    }

    /// <summary>Deactivates or reactivates; a new security stamp ends the person's open sessions.</summary>
    public Task<CommandResult> SetActiveAsync(string userId, bool active, ClaimsPrincipal actor) =>
        db.InTransactionAsync(() => SetActiveInTransactionAsync(userId, active, actor));

    private async Task<CommandResult> SetActiveInTransactionAsync(string userId, bool active, ClaimsPrincipal actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Fail("La cuenta no existe.");
        }

        if (!active && user.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return CommandResult.Fail("No podés desactivar tu propia cuenta.");
        }

        user.IsActive = active;
        audit.Record(actor, active ? AuditActions.UserReactivated : AuditActions.UserDeactivated, nameof(AppUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        await users.UpdateSecurityStampAsync(user);
        return CommandResult.Done;
    }

    private static readonly IdentityError AlreadyActive = new()
    {
        Code = nameof(AlreadyActive),
        Description = "Esta cuenta ya está activada: ingresá con tu contraseña. Si no la recordás, usá «¿Olvidaste tu contraseña?».",
    };

    /// <summary>The invitation a token opens, if it can still be used.</summary>
    public async Task<Invitation?> FindUsableAsync(string token)
    {
        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.Include(i => i.User).SingleOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is not null && invitation.IsUsableAt(time.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    /// <summary>Sets the password and marks the link used; errors are Identity's Spanish descriptions.</summary>
    /// <remarks>UserManager saves on its own: a refused password rolls back the removal of the old one too.</remarks>
    public Task<IdentityResult> AcceptAsync(Invitation invitation, AcceptInvitationForm form) =>
        db.InTransactionAsync(() => AcceptInTransactionAsync(invitation.Id, form), r => r.Succeeded);

    private async Task<IdentityResult> AcceptInTransactionAsync(int invitationId, AcceptInvitationForm form)
    {
        // Loaded here (the tracked instance when there is one) so a retried attempt starts from the database.
        var invitation = await db.Invitations.Include(i => i.User).SingleAsync(i => i.Id == invitationId);
        var user = invitation.User;
        // An account that already has a password took an invitation (or one accepted a moment ago,
        // after this one was found usable): a link, old or new, never replaces it; a forgotten
        // password goes through the reset e-mail.
        if (await users.HasPasswordAsync(user))
        {
            return IdentityResult.Failed(AlreadyActive);
        }

        // Two acceptances at once: both found no password, and the first to save changes the
        // account's concurrency stamp, so the second's AddPasswordAsync fails (ConcurrencyFailure).
        var result = await users.AddPasswordAsync(user, form.Password);
        if (!result.Succeeded)
        {
            return result;
        }

        user.DisplayName = form.DisplayName.Trim();
        user.EmailConfirmed = true;
        invitation.AcceptedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(user, AuditActions.InvitationAccepted, nameof(AppUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }
}
