using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ProgramaInnovacion.Web.Setup;

public static class Pipeline
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalDeployment();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UsePortalRequestLogging();
        app.UseRequestLocalization();
        app.UsePortalStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UsePortalRateLimits();
        app.UseNoStoreForSignedIn();
        app.UseTwoFactorEnrolment();
        app.UseAuthorization();
        // After authentication: the public showcase's cache serves only anonymous visitors (ShowcaseCache).
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPerformanceCounters();
        app.MapControllers();
        return app;
    }
}
