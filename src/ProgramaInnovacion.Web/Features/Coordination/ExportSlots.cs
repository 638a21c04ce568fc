using Microsoft.Extensions.Options;

namespace ProgramaInnovacion.Web.Features.Coordination;

/// <summary>`Exports`: how many edition exports are written at once, and how long one waits for its turn.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Exports written at the same time; 0 means one per processor.</summary>
    public int MaxConcurrent { get; set; }

    /// <summary>Seconds an export waits for a free slot before the portal answers 503.</summary>
    public int QueueSeconds { get; set; } = 30;
}

/// <summary>
/// At most a few edition exports are written at once; the rest wait their turn (issue 14: peak
/// memory). An export of a large edition is CPU work from start to end — reading every deliverable,
/// writing megabytes — so on a two-core server 32 of them at once finish no sooner than two at a
/// time, but each keeps its buffers, rows and half-written file alive the whole while, and the
/// garbage collector promotes all of it: the benchmark's 32 concurrent .csv exports were the
/// portal's peak. A request waiting for a slot holds nothing. A slot is held until the response is
/// written (the rows are produced as they are sent), and freed when the request ends, however it ends.
/// </summary>
public sealed class ExportSlots(IOptions<ExportOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Capacity(options.Value), Capacity(options.Value));
    private readonly TimeSpan _wait = TimeSpan.FromSeconds(Math.Max(0, options.Value.QueueSeconds));

    public static int Capacity(ExportOptions options) => options.MaxConcurrent > 0 ? options.MaxConcurrent : Math.Max(1, Environment.ProcessorCount);

    /// <summary>A slot, to dispose when the export is written; null when none freed up in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        return await _slots.WaitAsync(_wait, cancellationToken) ? new Slot(_slots) : null;
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
