using ProgramaInnovacion.Web.Features.Projects;

namespace ProgramaInnovacion.Web.Setup;

public static class FeatureServices
{
    /// <summary>The services of the feature folders (one line per feature service).</summary>
    public static WebApplicationBuilder AddFeatureServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProjectQueries>();
        return builder;
    }
}
