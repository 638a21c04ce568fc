using Microsoft.Extensions.Options;
using ProgramaInnovacion.Web.Features.Coordination;

namespace ProgramaInnovacion.UnitTests.Coordination;

public class ExportSlotsTests
{
    private static ExportSlots Slots(int max, int queueSeconds) =>
        new(Options.Create(new ExportOptions { MaxConcurrent = max, QueueSeconds = queueSeconds }));

    [Fact]
    public async Task EnterAsync_WhenEverySlotIsTaken_AnswersNullAfterTheWait_AndASlotFreedOnceServesTheNext()
    {
        using var slots = Slots(max: 1, queueSeconds: 0);
        var first = await slots.EnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await slots.EnterAsync(CancellationToken.None));

        first.Dispose();
        first.Dispose(); // the request's end disposes it again: still one slot, not two
        var second = await slots.EnterAsync(CancellationToken.None);
        Assert.NotNull(second);
        Assert.Null(await slots.EnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EnterAsync_WaitsItsTurn_UntilASlotIsFreed()
    {
        using var slots = Slots(max: 1, queueSeconds: 30);
        var first = await slots.EnterAsync(CancellationToken.None);
        var waiting = slots.EnterAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        first!.Dispose();
        Assert.NotNull(await waiting);
    }

    [Fact]
    public void Capacity_IsOnePerProcessor_UnlessConfigured()
    {
        Assert.Equal(Environment.ProcessorCount, ExportSlots.Capacity(new ExportOptions()));
        Assert.Equal(3, ExportSlots.Capacity(new ExportOptions { MaxConcurrent = 3 }));
    }
}
