using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Calendar;
using ProgramaInnovacion.Web.Features.Editions;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Features.StageTemplates;
using ProgramaInnovacion.Web.Features.Users;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>Refuses, while armed, any SaveChanges that writes an audit entry: the log "fails".</summary>
public sealed class FailingAuditSave : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            throw new InvalidOperationException("El registro de auditoría falló (simulado).");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public sealed class FailingAuditFactory : PortalFactory
{
    public FailingAuditSave AuditFailure { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(AuditFailure));
    }
}

/// <summary>A change and its audit entry commit together: when the audit entry cannot be saved, the change is not in the database either.</summary>
public class AuditAtomicityTests(FailingAuditFactory factory) : IClassFixture<FailingAuditFactory>
{
    private async Task<ClaimsPrincipal> AdministratorAsync() =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@programa.example").Select(u => u.Id).SingleAsync())),
            new Claim(ClaimTypes.Name, "admin@programa.example"),
            new Claim(ClaimTypes.Role, Roles.Administrator),
        ], "Test"));

    /// <summary>Runs the use case with the audit save failing, and checks it threw.</summary>
    private async Task FailingAuditAsync<TService>(Func<TService, Task> useCase) where TService : notnull
    {
        await using var scope = factory.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<TService>();
        factory.AuditFailure.Armed = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => useCase(service));
        }
        finally
        {
            factory.AuditFailure.Armed = false;
        }
    }

    [Fact]
    public async Task CreatingAnEdition_WhenTheAuditSaveFails_LeavesNoEditionNorRubric()
    {
        var actor = await AdministratorAsync();
        var rubricBefore = await factory.CountAsync<RubricCriterion>();

        await FailingAuditAsync<EditionAdministration>(editions => editions.CreateAsync(
            new NewEditionForm { Name = "Edición que no queda", Theme = "Prueba", StartDate = new DateOnly(2022, 3, 1) }, actor));

        Assert.False(await factory.WithDbAsync(db => db.Editions.AnyAsync(e => e.Name == "Edición que no queda")));
        Assert.Equal(rubricBefore, await factory.CountAsync<RubricCriterion>());
    }

    [Fact]
    public async Task AddingAProjectToAnEdition_WhenTheAuditSaveFails_LeavesNoProject()
    {
        var actor = await AdministratorAsync();
        var (editionId, municipalityId) = await factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            var municipality = new Municipality { Name = "Municipio sin proyecto", Province = "Prueba", Slug = "sin-proyecto" };
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync();
            return (edition, municipality.Id);
        });

        await FailingAuditAsync<EditionAdministration>(editions => editions.AddProjectAsync(editionId, municipalityId, actor));

        Assert.False(await factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.MunicipalityId == municipalityId)));
    }

    [Fact]
    public async Task AddingAStage_WhenTheAuditSaveFails_LeavesNoStageNorProjectStages()
    {
        var actor = await AdministratorAsync();
        var editionId = await factory.WithDbAsync(db => db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var projectStagesBefore = await factory.CountAsync<ProjectStage>();

        await FailingAuditAsync<StageTemplateEditor>(editor => editor.AddStageAsync(editionId, new NewStageForm { Key = "etapa-sin-auditoria", Name = "Etapa que no queda" }, actor));

        Assert.False(await factory.WithDbAsync(db => db.StageDefinitions.AnyAsync(s => s.Key == "etapa-sin-auditoria")));
        Assert.Equal(projectStagesBefore, await factory.CountAsync<ProjectStage>());
    }

    [Fact]
    public async Task MovingAStage_WhenTheAuditSaveFails_KeepsTheOrder()
    {
        var actor = await AdministratorAsync();
        var editionId = await factory.WithDbAsync(db => db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var before = await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.EditionId == editionId).OrderBy(s => s.Order).Select(s => s.Id).ToListAsync());

        await FailingAuditAsync<StageTemplateEditor>(editor => editor.MoveStageAsync(editionId, before[0], 1, actor));

        Assert.Equal(before, await factory.WithDbAsync(db => db.StageDefinitions.Where(s => s.EditionId == editionId).OrderBy(s => s.Order).Select(s => s.Id).ToListAsync()));
    }

    [Fact]
    public async Task CreatingACalendarSession_WhenTheAuditSaveFails_LeavesNoSession()
    {
        var actor = await AdministratorAsync();
        var editionId = await factory.WithDbAsync(db => db.Editions.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var form = new SessionForm
        {
            EditionId = editionId,
            Title = "Sesión que no queda",
            Kind = SessionKind.Launch,
            Date = new DateOnly(2021, 12, 1),
            StartTime = new TimeOnly(10, 0),
            EndTime = new TimeOnly(11, 0),
            Description = "",
        };

        await FailingAuditAsync<CalendarSessions>(sessions => sessions.SaveAsync(null, form, actor));

        Assert.False(await factory.WithDbAsync(db => db.CalendarSessions.AnyAsync(s => s.Title == "Sesión que no queda")));
    }

    [Fact]
    public async Task InvitingAUser_WhenTheAuditSaveFails_LeavesNoAccountNorInvitation()
    {
        var actor = await AdministratorAsync();
        var invitationsBefore = await factory.CountAsync<Invitation>();

        await FailingAuditAsync<UserAdministration>(admin => admin.InviteAsync(
            new InviteUserForm { Email = "sin-auditoria@programa.example", DisplayName = "Sin auditoría", Roles = [Roles.Coordinator] }, actor, token => "https://portal.example/" + token));

        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "sin-auditoria@programa.example")));
        Assert.Equal(invitationsBefore, await factory.CountAsync<Invitation>());
        Assert.False(await factory.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.To == "sin-auditoria@programa.example")));
        await factory.DeliverMailAsync();
        Assert.False(Directory.Exists(factory.MailPickupPath) && Directory.GetFiles(factory.MailPickupPath, "*.eml").Any(f => File.ReadAllText(f).Contains("sin-auditoria@programa.example", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EditingAUsersRoles_WhenTheAuditSaveFails_KeepsTheRoles()
    {
        var actor = await AdministratorAsync();
        var user = await factory.CreateUserAsync("roles-sin-auditoria@programa.example", Roles.Coordinator);

        await FailingAuditAsync<UserAdministration>(admin => admin.UpdateAsync(user.Id,
            new EditUserForm { DisplayName = "Otro nombre", Roles = [Roles.Expert] }, actor));

        var roles = await factory.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal(Roles.Coordinator, Assert.Single(roles));
        Assert.Equal("roles-sin-auditoria@programa.example", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task TheFirstCommentOfAStage_WhenTheAuditSaveFails_LeavesNoDeliverableNorComment()
    {
        var actor = await AdministratorAsync();
        var (projectId, key, stageId) = await factory.WithDbAsync(async db =>
        {
            // A stage of an edition still open: a closed edition refuses the comment before any save.
            var stage = await db.ProjectStages.Where(s => s.Deliverable == null && s.Project.Edition.Phase != EditionPhase.Closed).OrderBy(s => s.Id)
                .Select(s => new { s.ProjectId, s.StageDefinition.Key, s.Id }).FirstAsync();
            return (stage.ProjectId, stage.Key, stage.Id);
        });
        await using var scope = factory.CreateScope();
        var stageInfo = (await scope.ServiceProvider.GetRequiredService<StageQueries>().GetStageAsync(projectId, key))!;

        await FailingAuditAsync<StageCommands>(commands => commands.CommentAsync(stageInfo, "Un comentario que no queda", actor));

        Assert.False(await factory.WithDbAsync(db => db.Deliverables.AnyAsync(d => d.ProjectStageId == stageId)));
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.BodyMarkdown == "Un comentario que no queda")));
    }

    [Fact]
    public async Task SavingAFirstDraft_WhenTheAuditSaveFails_LeavesNoDeliverableAndTheStageAsItWas()
    {
        var actor = await AdministratorAsync();
        var (projectId, key, stageId) = await factory.WithDbAsync(async db =>
        {
            var stage = await db.ProjectStages.Where(s => s.Deliverable == null && s.State == StageState.Available).OrderBy(s => s.Id)
                .Select(s => new { s.ProjectId, s.StageDefinition.Key, s.Id }).FirstAsync();
            return (stage.ProjectId, stage.Key, stage.Id);
        });
        await using var scope = factory.CreateScope();
        var stageInfo = (await scope.ServiceProvider.GetRequiredService<StageQueries>().GetStageAsync(projectId, key))!;
        var eventsBefore = await factory.CountAsync<StageEvent>();

        await FailingAuditAsync<StageCommands>(commands => commands.SaveAsync(stageInfo, new JsonObject(), actor, stageInfo.Version, submit: false));

        Assert.False(await factory.WithDbAsync(db => db.Deliverables.AnyAsync(d => d.ProjectStageId == stageId)));
        Assert.Equal(StageState.Available, await factory.WithDbAsync(db => db.ProjectStages.Where(s => s.Id == stageId).Select(s => s.State).SingleAsync()));
        Assert.Equal(eventsBefore, await factory.CountAsync<StageEvent>());
    }

    [Fact]
    public async Task CreatingAMunicipality_WhenTheAuditSaveFails_ShowsTheErrorPageAndLeavesNoMunicipality()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("admin@programa.example");
        var page = await client.GetPageAsync("/admin/municipios/nuevo");
        factory.AuditFailure.Armed = true;
        HttpResponseMessage response;
        try
        {
            response = await client.SubmitFormAsync(page, "form.municipality-form", new Dictionary<string, string>
            {
                ["Form.Name"] = "Villa Sin Auditoría",
                ["Form.Province"] = "Prueba",
                ["Form.Slug"] = "villa-sin-auditoria",
            }, "/admin/municipios/nuevo");
        }
        finally
        {
            factory.AuditFailure.Armed = false;
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Municipalities.AnyAsync(m => m.Slug == "villa-sin-auditoria")));
    }
}
