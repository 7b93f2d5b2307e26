using CapacityAnalytics.Core.Contract;
using CapacityAnalytics.Pipeline.Warehouse;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// One query that types every contract column of a landed relation and lists each row's bad cells: it yields
/// <c>_file, _line, _file_order</c>, the extra columns (as VARCHAR), the contract columns typed and named as in the
/// contract, and <c>_ingest_errors</c>, a list of <c>{column, value, reason}</c> (empty for a good row).
/// </summary>
public static class CheckedRowsSql
{
    public const string Errors = "_ingest_errors";

    /// <summary>True for a row with no bad cell; the error list is only built for the others (most rows are good).</summary>
    public const string Ok = "_ingest_ok";

    /// <param name="entity">The contract entity.</param>
    /// <param name="sourceColumns">Lower-case column names of the source (contract, extra and bookkeeping).</param>
    /// <param name="source">A table name (quoted) or a parenthesized query.</param>
    /// <param name="keepExtras">Whether extra columns pass through.</param>
    /// <param name="window">Dates and timestamps outside it are rejected; null: no bounds.</param>
    /// <param name="fast">Rows the source already found good by a cheaper test skip the per-cell checks (see <see cref="FastPath"/>).</param>
    public static string Build(EntitySpec entity, IReadOnlyCollection<string> sourceColumns, string source, bool keepExtras = true,
        PlausibleWindow? window = null, FastPath? fast = null)
    {
        var present = new HashSet<string>(sourceColumns, StringComparer.Ordinal);
        var extras = keepExtras ? ExtraColumns(entity, sourceColumns).Select(Sql.Identifier).ToList() : [];
        var passThrough = string.Join(", ", LandingColumns.Bookkeeping
            .Concat(fast?.PassThrough ?? []).Select(Sql.Identifier).Concat(extras));
        var columns = entity.Columns;
        // DuckDB evaluates each branch of a case only for the rows that take it, so a fast row costs no trim, pattern or cast.
        string Either(string whenFast, string otherwise) =>
            fast is null ? otherwise : $"case when {Sql.Identifier(fast.Flag)} then {whenFast} else {otherwise} end";
        var values = columns.Select((c, i) =>
            $"{Either(present.Contains(c.Name) ? Sql.Identifier(c.Name) : "null", ColumnRules.Value(c, present.Contains(c.Name) ? c.Name : null))} as {V(i)}");
        var typed = columns.Select((c, i) => $"{Either(fast?.Typed(c, V(i)) ?? "", ColumnRules.Typed(c, V(i)))} as {T(i)}");
        var named = columns.Select((c, i) => $"{T(i)} as {Sql.Identifier(c.Name)}");
        var reasons = columns.Select((c, i) => $"{Either("null", ColumnRules.Reason(c, V(i), T(i), entity, window))} as {R(i)}");
        var problems = columns.Select((c, i) =>
            $"{{'column': {Sql.Literal(c.Name)}, 'value': {V(i)}, 'reason': {R(i)}}}");
        var ok = string.Join(" and ", columns.Select((_, i) => $"{R(i)} is null"));
        return $"""
            with _ingest_values as (
                select {passThrough}, {string.Join(", ", values)}
                from {source}
            ),
            _ingest_typed as (
                select *, {string.Join(", ", typed)}
                from _ingest_values
            ),
            _ingest_reasons as (
                select *, {string.Join(", ", reasons)}
                from _ingest_typed
            )
            select {passThrough}, {string.Join(", ", named)},
                {ok} as {Ok},
                case when {ok} then []
                    else list_filter([{string.Join(", ", problems)}], p -> p.reason is not null) end as {Errors}
            from _ingest_reasons
            """;
    }

    /// <summary>Source columns that are neither contract nor bookkeeping columns, in source order.</summary>
    public static IEnumerable<string> ExtraColumns(EntitySpec entity, IEnumerable<string> sourceColumns) =>
        sourceColumns.Where(n => entity.Column(n) is null && !LandingColumns.IsReserved(n));

    private static string V(int i) => "\"_ingest_v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    private static string R(int i) => "\"_ingest_r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    private static string T(int i) => "\"_ingest_t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
}

/// <summary>
/// A cheaper test a source applies to every row before the per-cell checks: the source yields the boolean
/// <paramref name="Flag"/>, true only for a row every check would pass (nothing to trim, nothing empty, the canonical
/// form, inside the plausible window), and for such a row each column's typed value is its text as read, or the
/// expression <paramref name="TypedWhenFast"/> gives (over the <paramref name="PassThrough"/> columns the source
/// adds). Rows the test does not pass take the full checks as before.
/// </summary>
public sealed record FastPath(string Flag, IReadOnlyDictionary<string, string> TypedWhenFast, IReadOnlyList<string> PassThrough)
{
    public string Typed(ColumnSpec column, string text) =>
        TypedWhenFast.TryGetValue(column.Name, out var expression) ? expression : text;
}
