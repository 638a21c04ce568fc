using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ProgramaInnovacion.Core.Data;

/// <summary>SQL that LINQ cannot say, translated for both providers by <see cref="QueryFunctionsExtension"/>.</summary>
public static class QueryFunctions
{
    /// <summary>
    /// <c>COUNT(*) OVER ()</c>: how many rows the query yields before OFFSET and LIMIT, so a page and
    /// its total come from one command that runs the filter once. Project it before Skip/Take (it
    /// must sit in the query that is paged, not in one built around the page).
    /// </summary>
    public static long TotalRows() => throw new InvalidOperationException("TotalRows solo se traduce dentro de una consulta de EF Core.");
}

/// <summary>
/// Adds the translation of <see cref="QueryFunctions"/> to a context's query pipeline. A service
/// rather than <c>HasDbFunction(...).HasTranslation(...)</c> in the model: a translation delegate
/// cannot be written into a compiled model (dotnet/efcore#26775), and the compiled model is what
/// spares each start building the model (issue 14). The way EF's own plugins (NetTopologySuite,
/// Npgsql's NodaTime) add translators.
/// </summary>
public static class QueryFunctionsExtensions
{
    public static DbContextOptionsBuilder UseQueryFunctions(this DbContextOptionsBuilder options)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new QueryFunctionsExtension());
        return options;
    }
}

public sealed class QueryFunctionsExtension : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => field ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services)
            .TryAdd<IEvaluatableExpressionFilterPlugin, QueryFunctionsEvaluationFilter>()
            .TryAdd<IMethodCallTranslatorPlugin, QueryFunctionsTranslatorPlugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using QueryFunctions ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["QueryFunctions"] = "1";
    }
}

/// <summary>
/// Keeps EF from running <see cref="QueryFunctions"/> on the client as a query parameter (a call
/// without arguments looks constant to it); a function mapped in the model was exempt by being in it.
/// </summary>
public sealed class QueryFunctionsEvaluationFilter : IEvaluatableExpressionFilterPlugin
{
    public bool IsEvaluatableExpression(Expression expression) =>
        expression is not MethodCallExpression { Method.DeclaringType: var type } || type != typeof(QueryFunctions);
}

public sealed class QueryFunctionsTranslatorPlugin(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslatorPlugin
{
    public IEnumerable<IMethodCallTranslator> Translators { get; } = [new TotalRowsTranslator(sql, typeMappings)];

    private sealed class TotalRowsTranslator(ISqlExpressionFactory sql, IRelationalTypeMappingSource typeMappings) : IMethodCallTranslator
    {
        private static readonly MethodInfo TotalRows = typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.TotalRows))!;

        // Written as a niladic built-in function: EF prints the name as is (a SqlFragmentExpression
        // as the translation makes EF evaluate on the client, dotnet/efcore#32969). The provider's
        // own long mapping: bigint on PostgreSQL, INTEGER on SQLite.
        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger) =>
            method == TotalRows
                ? sql.NiladicFunction("COUNT(*) OVER ()", nullable: false, typeof(long), typeMappings.FindMapping(typeof(long)))
                : null;
    }
}
