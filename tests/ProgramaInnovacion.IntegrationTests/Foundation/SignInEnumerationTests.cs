using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramaInnovacion.Core.Domain;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// A failed sign-in says nothing about whether the account exists: the same words, and about the
/// same time, for an unknown e-mail, an inactive account, a locked one and a wrong password.
/// </summary>
public class SignInEnumerationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string WrongPassword = "no es la contraseña correcta";

    private async Task ArrangeAccountsAsync()
    {
        await factory.CreateUserAsync("enum.clave@programa.example", Roles.Expert);
        await factory.CreateUserAsync("enum.inactiva@programa.example", Roles.Expert);
        await factory.CreateUserAsync("enum.bloqueada@programa.example", Roles.Expert);
        await factory.WithDbAsync(async db =>
        {
            // The wrong-password account never locks, so every attempt stays a wrong-password attempt.
            (await db.Users.SingleAsync(u => u.Email == "enum.clave@programa.example")).LockoutEnabled = false;
            (await db.Users.SingleAsync(u => u.Email == "enum.inactiva@programa.example")).IsActive = false;
            (await db.Users.SingleAsync(u => u.Email == "enum.bloqueada@programa.example")).LockoutEnd = DateTimeOffset.UtcNow.AddYears(1);
            await db.SaveChangesAsync();
        });
    }

    private static async Task<(string Message, TimeSpan Elapsed)> AttemptAsync(PortalClient client, AngleSharp.Dom.IDocument loginPage, string email)
    {
        var fields = PortalClient.FormFields(loginPage, "form[action='/cuenta/ingresar']", new Dictionary<string, string> { ["Email"] = email, ["Password"] = WrongPassword });
        var watch = Stopwatch.StartNew();
        var response = await client.Http.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(fields));
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        return (page.QuerySelector("[role=alert]")!.TextContent.Trim(), watch.Elapsed);
    }

    private static double Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [Fact]
    public async Task UnknownInactiveLockedAndWrongPassword_GetTheSameMessage_InAboutTheSameTime()
    {
        await ArrangeAccountsAsync();
        var cases = new Dictionary<string, string>
        {
            ["contraseña incorrecta"] = "enum.clave@programa.example",
            ["correo desconocido"] = "nadie.registrado@programa.example",
            ["cuenta desactivada"] = "enum.inactiva@programa.example",
            ["cuenta bloqueada"] = "enum.bloqueada@programa.example",
        };
        using var client = factory.CreatePortalClient();
        var loginPage = await client.GetPageAsync("/cuenta/ingresar");
        var times = cases.Keys.ToDictionary(k => k, _ => new List<TimeSpan>());
        var messages = new HashSet<string>();

        // Interleaved, after a warm-up, so a busy moment of the machine hits every case alike.
        foreach (var email in cases.Values)
        {
            await AttemptAsync(client, loginPage, email);
        }

        for (var round = 0; round < 15; round++)
        {
            foreach (var (name, email) in cases)
            {
                var (message, elapsed) = await AttemptAsync(client, loginPage, email);
                messages.Add(message);
                times[name].Add(elapsed);
            }
        }

        Assert.Single(messages);
        Assert.StartsWith("El correo o la contraseña no son correctos.", messages.Single(), StringComparison.Ordinal);
        var reference = Median(times["contraseña incorrecta"]);
        foreach (var (name, list) in times)
        {
            // Before the dummy hash an unknown e-mail answered ~25 times faster; a factor of 2 either
            // way is loose enough for a loaded 2-core machine and still catches a skipped hash.
            var ratio = Median(list) / reference;
            Assert.True(ratio is > 0.5 and < 2.0, $"«{name}»: mediana {Median(list):0.0} ms frente a {reference:0.0} ms de una contraseña incorrecta (razón {ratio:0.00}).");
        }
    }
}
