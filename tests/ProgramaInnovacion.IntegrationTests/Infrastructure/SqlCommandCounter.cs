using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProgramaInnovacion.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands EF sends, so tests can prove a page's query count is constant.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;
    private ConcurrentQueue<string> _commands = new();

    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of the commands counted since the last reset, for tests that ask which queries ran.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public bool Enabled { get; set; }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _commands, new ConcurrentQueue<string>());
    }

    /// <summary>The SQL commands sent while <paramref name="action"/> runs (and only then).</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(Func<Task> action)
    {
        Reset();
        Enabled = true;
        try
        {
            await action();
            return Commands;
        }
        finally
        {
            Enabled = false;
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Increment(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Increment(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Increment(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Increment(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Increment(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Increment(command);
        return ValueTask.FromResult(result);
    }

    private void Increment(DbCommand command)
    {
        if (Enabled)
        {
            Interlocked.Increment(ref _count);
            _commands.Enqueue(command.CommandText);
        }
    }
}
