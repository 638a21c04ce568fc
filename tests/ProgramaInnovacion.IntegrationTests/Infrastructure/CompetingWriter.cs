using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// Makes a race deterministic: armed with a write, it runs that write (in its own scope) once, just
/// before the portal's next SaveChanges that modifies a <typeparamref name="T"/> row — so the
/// request under test has already read the row, and someone else saves first.
/// </summary>
public sealed class CompetingWriter : SaveChangesInterceptor
{
    private Func<DbContext, bool>? _when;
    private Func<Task>? _write;

    public void Arm<T>(Func<Task> write)
        where T : class
    {
        _when = context => context.ChangeTracker.Entries<T>().Any(e => e.State == EntityState.Modified);
        _write = write;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _when is { } when && when(context))
        {
            var write = Interlocked.Exchange(ref _write, null);
            _when = null;
            if (write is not null)
            {
                await write();
            }
        }

        return result;
    }
}
