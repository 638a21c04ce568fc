using ProgramaInnovacion.Core.Knowledge;
using ProgramaInnovacion.Web.Features.Account;
using ProgramaInnovacion.Web.Features.Calendar;
using ProgramaInnovacion.Web.Features.Coordination;
using ProgramaInnovacion.Web.Features.Deliverables;
using ProgramaInnovacion.Web.Features.Editions;
using ProgramaInnovacion.Web.Features.Library;
using ProgramaInnovacion.Web.Features.Network;
using ProgramaInnovacion.Web.Features.Panel;
using ProgramaInnovacion.Web.Features.Projects;
using ProgramaInnovacion.Web.Features.Results;
using ProgramaInnovacion.Web.Features.Stages;
using ProgramaInnovacion.Web.Features.StageTemplates;
using ProgramaInnovacion.Web.Features.Users;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Storage;
using ProgramaInnovacion.Web.Infrastructure.Text;

namespace ProgramaInnovacion.Web.Setup;

public static class FeatureServices
{
    /// <summary>The services of the feature folders (one line per feature service).</summary>
    public static WebApplicationBuilder AddFeatureServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ProgramaInnovacion.Web.Infrastructure.Links.PrivateLinks>();
        builder.Services.AddScoped<ProgramaInnovacion.Web.Features.Calls.CallService>();
        builder.Services.AddScoped<ProgramaInnovacion.Web.Features.Selection.SelectionService>();
        builder.Services.AddScoped<ProgramaInnovacion.Web.Features.Survey.SurveyService>();
        builder.Services.AddScoped<ProgramaInnovacion.Web.Features.Municipalities.MunicipalityCategories>();
        builder.Services.AddScoped<ProgramaInnovacion.Web.Features.Municipalities.MunicipalityImporter>();
        builder.Services.AddScoped<AccountCommands>();
        builder.Services.AddScoped<ProjectQueries>();
        builder.Services.AddScoped<Features.Home.TeamHome>();
        builder.Services.AddScoped<Features.Dossier.DossierQueries>();
        builder.Services.AddScoped<StageTransitions>();
        builder.Services.AddScoped<DeliverableDrafts>();
        builder.AddFileStorage();
        builder.Services.AddScoped<DeliverableAttachments>();
        builder.Services.AddScoped<ApprovedDeliverables>();
        builder.Services.AddScoped<StageQueries>();
        builder.Services.AddScoped<StageCommands>();
        builder.Services.AddMemoryCache(); // DashboardQueries keeps an edition's stage rows while their stamp holds
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddScoped<CoordinationExports>();
        builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection(ExportOptions.Section));
        builder.Services.AddSingleton<ExportSlots>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<EditionAdministration>();
        builder.Services.AddScoped<StageTemplateEditor>();
        builder.Services.AddScoped<PanelAccess>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ExpertPanelAccessHandler>();
        builder.Services.AddScoped<PanelQueries>();
        builder.Services.AddScoped<PanelService>();
        builder.Services.AddScoped<PanelExport>();
        builder.Services.AddScoped<CaseIndexer>();
        builder.Services.AddScoped<IStageApprovedHandler, CaseIndexOnApproval>();
        builder.Services.AddScoped<CaseLibrary>();
        builder.Services.AddScoped<Features.Results.ResultsQueries>();
        builder.Services.AddScoped<Features.Results.ShowcaseQueries>();
        builder.Services.AddShowcaseCache();
        builder.Services.AddScoped<Features.Results.FollowUpCommands>();
        builder.Services.AddScoped<IStageApprovedHandler, Features.Results.FollowUpOnPanelClosed>();
        builder.Services.AddScoped<EditionParticipation>();
        builder.Services.AddScoped<LearningNetwork>();
        builder.Services.AddScoped<SharedDeliverables>();
        builder.Services.AddScoped<CalendarSessions>();
        builder.Services.AddScoped<CalendarFeed>();
        builder.Services.AddScoped<SessionAttendanceSheet>();
        builder.Services.AddScoped<Features.Mentors.MentorHome>();
        builder.Services.AddScoped<Features.Mentors.MentorAssignments>();
        return builder;
    }
}
