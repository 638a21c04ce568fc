using ProgramaInnovacion.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder
    .AddPortalLogging()
    .AddPortalDeployment()
    .AddDatabase()
    .AddPortalIdentity()
    .AddPortalTwoFactor()
    .AddPortalRateLimits()
    .AddPortalEmail()
    .AddPortalMvc()
    .AddPortalStaticFiles()
    .AddFeatureServices();

var app = builder.Build();

if (await CommandLine.TryRunVerbAsync(app, args) is { } exitCode)
{
    return exitCode;
}

await app.PrepareDatabaseAsync(args);
app.UsePortalPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests' WebApplicationFactory can reach it.</summary>
public partial class Program;
