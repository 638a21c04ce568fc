using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProgramaInnovacion.IntegrationTests.Infrastructure;
using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// The request log is written from a background queue: a console that does not take its output (a
/// full pipe, a stalled log collector) delays the log, never the people using the portal, and the
/// line is written once the console takes output again. A request its client abandons is not a
/// server error.
/// </summary>
[Collection(ConsoleSwapping.Name)]
public class RequestLoggingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ARequest_Finishes_WhileTheConsoleIsStalled_AndItsLogLineIsWrittenAfterwards()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cuenta/ingresar")).StatusCode);
        var probe = $"/sonda-de-consola-{Guid.NewGuid():N}";

        var original = Console.Out;
        var console = new StalledConsole();
        Console.SetOut(console);
        try
        {
            var request = client.GetAsync(probe);
            var first = await Task.WhenAny(request, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(first == request, "the request waited for the stalled console");
            Assert.True((int)(await request).StatusCode < 500);
            // The log did try to write while the request was already answered: the console was in the way.
            Assert.True(console.Entered.Wait(TimeSpan.FromSeconds(30)), "nothing tried to write to the console");

            // Still this console while the queue drains: lines still queued go to whichever console is current.
            console.Release();
            Assert.True(await console.WaitForAsync(probe, TimeSpan.FromSeconds(30)), "the request's log line was not written after the console took output again");
        }
        finally
        {
            console.Release();
            Console.SetOut(original);
        }
    }

    [Fact]
    public async Task ARequestItsClientAbandons_IsLoggedAs499_NotAsAServerError()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Exports:MaxConcurrent", "1").UseSetting("Exports:QueueSeconds", "30"));
        using var client = new PortalClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));
        await client.SignInAsync("coordinacion@programa.example");
        var slots = app.Services.GetRequiredService<ExportSlots>();

        var original = Console.Out;
        var console = new StalledConsole();
        console.Release(); // never stalls: only keeps what is written
        Console.SetOut(console);
        try
        {
            // The only export slot is taken, so the download waits for it until its client gives up.
            using (await slots.EnterAsync(CancellationToken.None))
            {
                using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Http.GetAsync("/coordinacion/exportar/entregables.csv", giveUp.Token));
                // Other test classes may download the same export meanwhile: wait for this line itself.
                Assert.True(await console.WaitForAsync(AbandonedLine, TimeSpan.FromSeconds(30)), "the abandoned request was not logged as 499");
            }

            // The portal goes on serving, and the next download gets the freed slot.
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/coordinacion/exportar/progreso.csv")).StatusCode);
            Assert.True(await console.WaitForAsync("/coordinacion/exportar/progreso.csv respondió 200", TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Console.SetOut(original);
        }

        // Other tests' hosts may log to the same console meanwhile: only this export's lines count.
        var lines = console.Text.Split('\n').Where(l => l.Contains("/coordinacion/exportar/entregables.csv respondió", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("respondió 5", StringComparison.Ordinal) || l.Contains(" ERR] ", StringComparison.Ordinal));
    }

    private const string AbandonedLine = " INF] Serilog.AspNetCore.RequestLoggingMiddleware: HTTP GET /coordinacion/exportar/entregables.csv respondió 499";

    /// <summary>
    /// A console that blocks every write until released, and keeps what it was given. Not disposed:
    /// a logging thread may still be leaving a write when the test ends.
    /// </summary>
    private sealed class StalledConsole : TextWriter
    {
        private readonly ManualResetEventSlim gate = new(false);
        private readonly StringBuilder written = new();

        public ManualResetEventSlim Entered { get; } = new(false);

        public override Encoding Encoding => Encoding.UTF8;

        public void Release() => gate.Set();

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            Entered.Set();
            gate.Wait(TimeSpan.FromSeconds(60));
            lock (written)
            {
                written.Append(value);
            }
        }

        public string Text
        {
            get
            {
                lock (written)
                {
                    return written.ToString();
                }
            }
        }

        public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < until)
            {
                lock (written)
                {
                    if (written.ToString().Contains(text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                await Task.Delay(50);
            }

            return false;
        }

    }
}
