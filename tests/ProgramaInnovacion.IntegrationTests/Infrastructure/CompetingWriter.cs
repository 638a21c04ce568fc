using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>
/// Makes a race deterministic: armed with a write, it runs that write (in its own scope) once, just
/// before the portal's next SaveChanges that modifies a <typeparamref name="T"/> row — so the
/// request under test has already read the row, and someone else saves first. When that save
/// begins its own transaction first (AppDbContext does, to replace the edition's progress stamp in
/// it), the write runs as the transaction starts: inside it, SQLite's write lock would keep the
/// other person's save waiting for the very transaction that is waiting for it.
/// </summary>
public sealed class CompetingWriter : SaveChangesInterceptor, IDbTransactionInterceptor
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
        await CompeteAsync(eventData.Context);
        return result;
    }

    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        await CompeteAsync(eventData.Context);
        return result;
    }

    private async Task CompeteAsync(DbContext? context)
    {
        if (context is not null && _when is { } when && when(context))
        {
            var write = Interlocked.Exchange(ref _write, null);
            _when = null;
            if (write is not null)
            {
                await write();
            }
        }
    }
}
