using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>Identity's own hasher, counting the hashes it makes.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _hashes;

    public int Hashes => _hashes;

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
        _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
}

public sealed class CountingHasherPortalFactory : PortalFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }
}

/// <summary>
/// The demo's first start hashes its one published password once (issue 14: cold start), and every
/// demo account still signs in with it.
/// </summary>
public class DemoPasswordHashTests(CountingHasherPortalFactory factory) : IClassFixture<CountingHasherPortalFactory>
{
    [Fact]
    public async Task DemoSeedOnAnEmptyDatabase_HashesTheSharedPasswordOnce_AndEveryAccountSignsInWithIt()
    {
        Assert.Equal(1, factory.Hasher.Hashes);

        foreach (var account in DemoSeeder.Accounts)
        {
            using var client = factory.CreatePortalClient();
            await client.SignInAsync(account.Email, DemoSeeder.DemoPassword);
        }
    }
}
