using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Data.Seeding;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// Plain factories start from a copy of one migrated, demo-seeded database: each copy must hold the
/// whole demo and be its own, so what one test class writes never reaches another's database.
/// </summary>
public sealed class TestDatabaseCopyTests
{
    [Fact]
    public async Task TwoPlainFactories_EachHoldTheDemo_AndAWriteInOneIsNotInTheOther()
    {
        await using var first = new PortalFactory();
        await first.InitializeAsync();
        await using var second = new PortalFactory();
        await second.InitializeAsync();
        Assert.NotEqual(first.Database.ConnectionString, second.Database.ConnectionString);

        foreach (var factory in new[] { first, second })
        {
            var emails = await factory.WithDbAsync(db => db.Users.Select(u => u.Email!).ToListAsync());
            Assert.All(DemoSeeder.Accounts, account => Assert.Contains(account.Email, emails));
            Assert.True(await factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.Edition.Name == DemoSeeder.CurrentEditionName)));
        }

        await first.CreateUserAsync("solo.en.la.primera@programa.example", Roles.Coordinator);

        Assert.True(await first.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "solo.en.la.primera@programa.example")));
        Assert.False(await second.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "solo.en.la.primera@programa.example")));
        await using var third = new PortalFactory();
        await third.InitializeAsync();
        Assert.False(await third.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "solo.en.la.primera@programa.example")));

        using var client = second.CreatePortalClient();
        await client.SignInAsync("tandil@programa.example");
    }
}
