using Microsoft.EntityFrameworkCore;

namespace ProgramaInnovacion.Web.Infrastructure;

/// <summary>
/// The one way to run a use case that needs more than one SaveChanges (an id is needed before the
/// audit entry, or Identity's UserManager saves on its own) as a single transaction. Where one
/// SaveChanges is enough, that SaveChanges is already atomic and needs none of this.
/// </summary>
/// <remarks>
/// The transaction runs inside the EF execution strategy, so a retrying strategy (for transient
/// PostgreSQL failures) can be switched on without "user-initiated transactions are not supported"
/// errors. A retry re-runs <c>work</c> from the start on a cleared change tracker, so <c>work</c>
/// must load what it changes itself and must not send e-mail or touch files (do those after).
/// </remarks>
public static class UseCaseTransaction
{
    /// <param name="commitWhen">False for a result that must leave nothing behind (e.g. Identity refused the new password); null commits always.</param>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, Func<T, bool>? commitWhen = null)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return work(); // already inside a use case's transaction: join it
        }

        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear(); // the failed attempt's changes were rolled back in the database
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await work();
            if (commitWhen?.Invoke(result) ?? true)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
            }

            return result;
        });
    }

    public static Task InTransactionAsync(this DbContext db, Func<Task> work) =>
        db.InTransactionAsync(async () =>
        {
            await work();
            return true;
        });
}
