namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// Turns a YAML test into a query returning the failing rows, one text column <c>failing_key</c> per row (the model's
/// key columns, or the tested columns), so the runner can count them and show a sample.
/// </summary>
public static class SqlModelTestCompiler
{
    /// <param name="spec">The model.</param>
    /// <param name="test">One of its tests.</param>
    /// <param name="rows">The rows to test when not the whole table (SQL of a relation, e.g. the partitions a build
    /// rebuilt); null: the model's table.</param>
    public static string FailingRows(SqlModelSpec spec, SqlModelTest test, string? rows = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(test);
        var model = rows is null ? spec.Name : $"({rows}) as {spec.Name}";
        var keyColumns = spec.Key.Count > 0 ? spec.Key : test.Columns;
        var keyText = KeyText(keyColumns.Count > 0 ? keyColumns : ["*"]);
        switch (test.Kind)
        {
            case "not_null":
                var anyNull = string.Join(" or ", test.Columns.Select(c => $"{c} is null"));
                return $"select {keyText} as failing_key from {model} where {anyNull}";
            case "unique":
                var cols = string.Join(", ", test.Columns);
                return $"select {KeyText(test.Columns)} as failing_key from {model} group by {cols} having count(*) > 1";
            case "accepted_values":
                var column = test.Columns[0];
                var values = string.Join(", ", (test.Values ?? []).Select(Literal));
                return $"select {KeyText([column])} as failing_key from {model} where {column} is not null and {column} not in ({values})";
            case "relationships":
                var c = test.Columns[0];
                return $"select {KeyText([c])} as failing_key from {(rows is null ? spec.Name : $"({rows})")} as child " +
                       $"where child.{c} is not null and not exists (select 1 from {test.To} as parent where parent.{test.Field} = child.{c})";
            case "expression":
                return $"select {keyText} as failing_key from {model} where not ({test.Expression})";
            default:
                throw new SqlModelDefinitionException($"{model}: unknown test kind '{test.Kind}'.");
        }
    }

    private static string KeyText(IReadOnlyList<string> columns) =>
        columns is ["*"] ? "'row'" : "concat_ws(', ', " + string.Join(", ", columns.Select(c => $"coalesce(cast({c} as varchar), 'null')")) + ")";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
