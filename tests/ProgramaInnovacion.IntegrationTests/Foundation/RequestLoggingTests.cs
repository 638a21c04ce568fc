using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using ProgramaInnovacion.IntegrationTests.Infrastructure;

namespace ProgramaInnovacion.IntegrationTests.Foundation;

/// <summary>
/// The request log is written from a background queue: a console that does not take its output (a
/// full pipe, a stalled log collector) delays the log, never the people using the portal, and the
/// line is written once the console takes output again.
/// </summary>
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
        }
        finally
        {
            console.Release();
            Console.SetOut(original);
        }

        Assert.True(await console.WaitForAsync(probe, TimeSpan.FromSeconds(30)), "the request's log line was not written after the console took output again");
    }

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
