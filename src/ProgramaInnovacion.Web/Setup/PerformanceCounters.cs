using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProgramaInnovacion.Web.Setup;

/// <summary>
/// The benchmark's view into the app (tests/perf/run.sh), on only with <c>Perf:Enabled=true</c>:
/// every SQL command EF sends is counted, and <c>GET /_perf/sql-commands</c> answers the running
/// total, so the script divides the commands sent during a page's load run by its requests.
/// Off by default: a production portal neither counts nor exposes anything.
/// </summary>
public static class PerformanceCounters
{
    private const string Setting = "Perf:Enabled";

    public static WebApplicationBuilder AddPerformanceCounters(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(Setting, false))
        {
            builder.Services.AddSingleton<SqlCommandTally>();
            builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlCommandTally>());
        }

        return builder;
    }

    public static WebApplication MapPerformanceCounters(this WebApplication app)
    {
        if (app.Configuration.GetValue(Setting, false))
        {
            app.MapGet("/_perf/sql-commands", (SqlCommandTally tally) => tally.Count.ToString(CultureInfo.InvariantCulture)).AllowAnonymous();
        }

        return app;
    }
}

/// <summary>Counts the commands EF sends, whatever kind (reader, scalar, non-query).</summary>
public sealed class SqlCommandTally : DbCommandInterceptor
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Counted(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Counted(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Counted(result));

    private T Counted<T>(T result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
