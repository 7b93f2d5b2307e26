using System.Globalization;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Targets.Measures;

/// <summary>
/// Runs catalog measures on the warehouse: <c>select group columns, measure as "Name" from home table where ...
/// group by group columns</c>. The only way the dashboard computes a figure.
/// </summary>
public static class MeasureQuery
{
    /// <summary>The SELECT computing <paramref name="measures"/> (all of one home table) per group.</summary>
    public static string Sql(IReadOnlyList<Measure> measures, IReadOnlyList<string>? groupBy = null, string? where = null)
    {
        var table = measures.Select(m => m.Table).Distinct(StringComparer.Ordinal).SingleOrDefault()
            ?? throw new ArgumentException("Measures of one home table are computed together.", nameof(measures));
        var groups = groupBy ?? [];
        var select = groups.Concat(measures.Select(m => $"cast(({m.Sql}) as double) as {Warehouse.Sql.Identifier(m.Name)}"));
        var sql = $"select {string.Join(", ", select)} from \"{table}\"";
        if (where is not null) sql += $" where {where}";
        if (groups.Count > 0) sql += $" group by all order by {string.Join(", ", Enumerable.Range(1, groups.Count))}";
        return sql;
    }

    public static IReadOnlyList<Dictionary<string, object?>> Run(
        DuckDBConnection connection, IReadOnlyList<Measure> measures, IReadOnlyList<string>? groupBy = null, string? where = null) =>
        Rows(connection, Sql(measures, groupBy, where));

    /// <summary>Rows as column -> value, numbers as double, dates as ISO text: JSON-ready and culture-free.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Plain(reader.GetValue(i));
            }
            rows.Add(row);
        }
        return rows;
    }

    private static object? Plain(object value) => value switch
    {
        double d => double.IsFinite(d) ? d : null,
        float f => float.IsFinite(f) ? (double)f : null,
        string or bool => value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        System.Numerics.BigInteger b => (double)b,
        IConvertible c => Finite(c.ToDouble(CultureInfo.InvariantCulture)),
        _ => value.ToString() ?? "",
    };

    private static double? Finite(double d) => double.IsFinite(d) ? d : null;

}
