using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using ProgramaInnovacion.Web.Authorization;
using ProgramaInnovacion.Web.Infrastructure;
using ProgramaInnovacion.Web.Infrastructure.Formatting;
using ProgramaInnovacion.Web.Infrastructure.Links;

namespace ProgramaInnovacion.Web.Setup;

public static class MvcSetup
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("es-AR");

    public static WebApplicationBuilder AddPortalMvc(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(o =>
            {
                // Antiforgery on every unsafe request, not only where an attribute was remembered.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<Features.Errors.ConcurrencyConflictFilter>();
                SpanishModelBindingMessages.Apply(o.ModelBindingMessageProvider);
                FormBinding.Apply(o);
                // Added after the DataAnnotations provider, so it also sees the implicit [Required] of non-nullable strings.
                o.ModelMetadataDetailsProviders.Add(new SpanishValidationMessages());
            })
            .AddRazorOptions(o =>
            {
                // Feature folders: Features/<Area>/Views/<View>.cshtml, shared views in Views/Shared.
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/Views/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Views/Shared/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administration, p => p.RequireRole(Core.Domain.Roles.Administrator))
            .AddPolicy(Policies.Coordination, p => p.RequireRole(Core.Domain.Roles.Administrator, Core.Domain.Roles.Coordinator))
            .AddPolicy(Policies.Expert, p => p.RequireRole(Core.Domain.Roles.Expert));
        builder.Services.AddScoped<IAuthorizationHandler, ProjectAccessHandler>();
        builder.Services.AddScoped<ProjectAccess>();
        builder.Services.AddScoped<CoordinationScope>();

        builder.Services.AddOptions<PortalOptions>()
            .Bind(builder.Configuration.GetSection(PortalOptions.Section))
            .Validate(PortalOptions.IsValid, "Portal:PublicUrl debe ser un origen http(s) absoluto, sin ruta (por ejemplo https://portal.ril.org.ar).")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ArgentinaClock>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Culture);
            o.SupportedCultures = [Culture];
            o.SupportedUICultures = [Culture];
            o.RequestCultureProviders.Clear();
        });
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        // Spanish text (á, ñ, ¿…) stays readable in the HTML instead of becoming &#xE1; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }
}
