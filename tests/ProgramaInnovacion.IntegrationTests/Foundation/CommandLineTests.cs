using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>The operator verbs, run through the real entry point on an empty database.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    private int Run(params string[] verb)
    {
        // Configuration travels as command-line arguments, so nothing process-wide is changed.
        string[] args =
        [
            .. verb,
            $"--Database:Provider={_database.Provider}",
            $"--ConnectionStrings:Default={_database.ConnectionString}",
            $"--Storage:DataPath={_database.DataPath}",
            "--environment=Production",
        ];
        return (int)typeof(Program).Assembly.EntryPoint!.Invoke(null, [args])!;
    }

    [Fact]
    public async Task MigrateThenCreateAdmin_OnAnEmptyDatabase_CreatesOneAdministrator()
    {
        Assert.Equal(0, Run("migrate"));
        Assert.Equal(0, Run("create-admin", "--email", "jefa@municipio.example", "--name", "Jefa de Modernización"));
        Assert.Equal(1, Run("create-admin", "--email", "jefa@municipio.example"));
        Assert.Equal(2, Run("create-admin"));

        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<AppDbContext>(o => o.UseProvider(_database.Provider, _database.ConnectionString));
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        var admin = Assert.Single(admins);
        Assert.Equal("Jefa de Modernización", admin.DisplayName);
        Assert.True(admin.IsActive);
        // Production start-up seeds reference data only: roles and the alliance; never the demo's
        // accounts, municipalities, editions or projects (ReferenceData, DemoSeeder).
        Assert.Null(await users.FindByEmailAsync("tandil@programa.example"));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(ReferenceData.Organizations.Select(o => o.Name).Order(), (await db.AllianceOrganizations.Select(o => o.Name).ToListAsync()).Order());
        Assert.Equal(0, await db.Editions.CountAsync());
        Assert.Equal(0, await db.Projects.CountAsync());
        Assert.Equal(0, await db.Municipalities.CountAsync());
        Assert.Equal(0, await db.RubricCriteria.CountAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
