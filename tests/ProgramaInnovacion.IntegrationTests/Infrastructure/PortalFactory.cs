using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.Web.Features.Notifications;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// The portal on its own fresh database (migrated from empty and seeded with the demo edition at
/// start-up, as in Development), with a fake clock and a SQL command counter. The plain factory
/// starts from a copy of one database migrated and seeded that way once per test run (see
/// <see cref="StartsFromTemplate"/>).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    // The database every plain factory copies: built by the first one to start, by a host set up
    // exactly like it (same settings, same clock), dropped when the test run ends.
    private static readonly Lazy<Task<TestDatabase>> DemoTemplate = new(BuildDemoTemplateAsync);

    private readonly bool _isTemplate;
    private bool _copiedFromTemplate;

    public PortalFactory()
    {
    }

    private PortalFactory(bool isTemplate) => _isTemplate = isTemplate;

    /// <summary>
    /// Monday 16 November 2026, 11:00 Argentina time: the day the demo is seeded, so the edition in
    /// course is placed around it (CurrentEditionDemoSeeder) and the 2021 edition lies in the past.
    /// </summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 16, 14, 0, 0, TimeSpan.Zero);

    // A test run builds hundreds of hosts; each would watch its appsettings files with an inotify
    // instance, and the machine allows 128 per user. Tests never edit configuration mid-run.
    static PortalFactory() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    public TestDatabase Database { get; } = TestDatabase.Create();

    public FakeTimeProvider Time { get; } = new(DefaultNow);

    public SqlCommandCounter SqlCounter { get; } = new();

    /// <summary>Races a request under test with another person's save (see CompetingWriter).</summary>
    public CompetingWriter Race { get; } = new();

    /// <summary>Roles sent to enrol in two-factor sign-in; none by default, as in the demo, so the demo accounts sign in with their password.</summary>
    protected virtual string RequiredTwoFactorRoles => "";

    /// <summary>
    /// Whether <see cref="InitializeAsync"/> copies the once-seeded demo database instead of
    /// migrating and seeding this host's own (~2 s of CPU per host, a hundred hosts per provider in
    /// a run). Only the plain factory by default: a subclass may change the clock, a service the seed
    /// uses or start-up itself, so it migrates and seeds as the app does unless it says otherwise
    /// (one that only adds data or changes request-time settings). Start-up still runs on the copy
    /// (no migration pending; reference data already there), only the demo seed is not repeated.
    /// </summary>
    protected virtual bool StartsFromTemplate => GetType() == typeof(PortalFactory) && !_isTemplate;

    /// <summary>Serve on a real loopback port (for the browser tests) instead of the in-memory server.</summary>
    protected virtual bool UseRealServer => false;

    public string MailPickupPath => Path.Combine(Database.DataPath, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Storage:DataPath", Database.DataPath);
        builder.UseSetting("Seed:Demo", _copiedFromTemplate ? "false" : "true");
        builder.UseSetting("Seed:Force", "true"); // "Testing" is not Development: the demo is asked for on purpose
        builder.UseSetting("Email:Smtp:Host", "");
        // Tests deliver with DeliverMailAsync, one deterministic pass at a time, on the fake clock.
        builder.UseSetting("Notifications:WorkerEnabled", "false");
        builder.UseSetting("Security:TwoFactor:RequiredRoles", RequiredTwoFactorRoles);
        // Every test signs in from the same (absent) address: limits out of reach, except where RateLimitTests set them low.
        foreach (var limit in Enum.GetValues<ProgramaInnovacion.Web.Setup.RateLimit>())
        {
            builder.UseSetting($"Security:RateLimits:{limit}:PerIp", "100000");
            builder.UseSetting($"Security:RateLimits:{limit}:PerAccount", "100000");
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IInterceptor>(SqlCounter);
            services.AddSingleton<IInterceptor>(Race);
        });
        if (UseRealServer)
        {
            // A port known before start, so the public URL (required outside Development) is the real one.
            var port = FreeLoopbackPort();
            builder.UseSetting("Portal:PublicUrl", $"http://127.0.0.1:{port}");
            this.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        }
        else
        {
            builder.UseSetting("Portal:PublicUrl", "https://localhost");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task InitializeAsync()
    {
        if (StartsFromTemplate)
        {
            await Database.CopyFromAsync(await DemoTemplate.Value);
            _copiedFromTemplate = true;
        }

        if (UseRealServer)
        {
            StartServer();
        }
        else
        {
            _ = Server; // builds the host: migrations and seed run now, not inside the first test
        }

    }

    private static async Task<TestDatabase> BuildDemoTemplateAsync()
    {
        var template = new PortalFactory(isTemplate: true);
        await template.InitializeAsync();
        await template.DisposeAsync();
        await template.Database.CloseConnectionsAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template.Database;
    }

    /// <summary>A scope with the app's services, for arranging and asserting on the database.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await action(db);
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them; https, as behind the deployment's proxy, so Secure cookies travel.</summary>
    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_isTemplate)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>Creates an extra account (demo password) for tests that change or lock it.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string role, string? municipalitySlug = null)
    {
        await using var scope = CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAtUtc = Time.GetUtcNow().UtcDateTime };
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (municipalitySlug is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var projectId = await db.Projects.Where(p => p.Municipality.Slug == municipalitySlug && p.Edition.Name == Core.Data.Seeding.DemoSeeder.CurrentEditionName).Select(p => p.Id).SingleAsync();
            db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, UserId = user.Id, JoinedAtUtc = user.CreatedAtUtc });
            await db.SaveChangesAsync();
        }

        return user;
    }

    /// <summary>One pass of the notification worker: due reminders and digests, then the outbox (to the pickup folder).</summary>
    public async Task<DispatchPass> DeliverMailAsync(string workerId = "prueba")
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(workerId);
    }

    internal Task<int> CountAsync<TEntity>() where TEntity : class =>
        WithDbAsync(db => db.Set<TEntity>().CountAsync());
}
