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
    /// <param name="groupBy">Group columns or expressions, each optionally <c>expr as alias</c>.</param>
    /// <param name="where">The filter context: a condition on the home table's rows.</param>
    public static string Sql(IReadOnlyList<Measure> measures, IReadOnlyList<string>? groupBy = null, string? where = null)
    {
        var table = measures.Select(m => m.Table).Distinct(StringComparer.Ordinal).SingleOrDefault()
            ?? throw new ArgumentException("Measures of one home table are computed together.", nameof(measures));
        var groups = groupBy ?? [];
        var filtered = $"select * from {Warehouse.Sql.Identifier(table)}" + (where is null ? "" : $" where {where}");
        if (measures.All(m => m.Window == MeasureWindow.All))
        {
            var select = groups.Concat(measures.Select(m => $"cast(({m.Sql}) as double) as {Warehouse.Sql.Identifier(m.Name)}"));
            var sql = $"select {string.Join(", ", select)} from {Warehouse.Sql.Identifier(table)}";
            if (where is not null) sql += $" where {where}";
            if (groups.Count > 0) sql += $" group by all order by {string.Join(", ", Enumerable.Range(1, groups.Count))}";
            return sql;
        }
        return Windowed(measures, groups, filtered);
    }

    /// <summary>
    /// Measures over week windows: the filtered rows carry the latest week of their group (<c>__latest</c>); each window
    /// aggregates its own rows, and the windows are joined on the group columns.
    /// </summary>
    private static string Windowed(IReadOnlyList<Measure> measures, IReadOnlyList<string> groups, string filtered)
    {
        var parts = groups.Select(g => SplitAlias(g)).ToList();
        var period = measures.Where(m => m.Window != MeasureWindow.All).Select(m => m.Period).Distinct(StringComparer.Ordinal).Single();
        var partition = parts.Count == 0 ? "" : "partition by " + string.Join(", ", parts.Select(p => p.Expression));
        var ctes = new List<string> { $"base as (select *, max({period}) over ({partition}) as __latest from ({filtered}))" };
        var windows = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new List<string>();
        string Slot(MeasureWindow window, Measure m)
        {
            var name = "w_" + window.ToString().ToLowerInvariant();
            if (!windows.ContainsKey(name)) windows[name] = Rows(window, period);
            return $"{name}.{Warehouse.Sql.Identifier(m.Name)}";
        }
        foreach (var m in measures)
        {
            var value = m.Window == MeasureWindow.WeekOverWeek
                ? $"{Slot(MeasureWindow.LatestWeek, m)} - {Slot(MeasureWindow.PreviousWeek, m)}"
                : Slot(m.Window, m);
            outputs.Add($"{value} as {Warehouse.Sql.Identifier(m.Name)}");
        }
        var keys = parts.Select(p => p.Alias).ToList();
        foreach (var (name, condition) in windows)
        {
            var select = parts.Select(p => $"{p.Expression} as {p.Alias}")
                .Concat(measures.Select(m => $"cast(({m.Sql}) as double) as {Warehouse.Sql.Identifier(m.Name)}"));
            ctes.Add($"{name} as (select {string.Join(", ", select)} from base where {condition}{(parts.Count > 0 ? " group by all" : "")})");
        }
        // Every group of the filtered rows appears once, whichever windows it has rows in.
        ctes.Add("groups as (select " + (parts.Count == 0 ? "1 as __one" : string.Join(", ", parts.Select(p => $"{p.Expression} as {p.Alias}"))) + " from base group by all)");
        var from = "groups" + string.Concat(windows.Keys.Select(w => parts.Count == 0
            ? $" cross join {w}"
            : $" left join {w} using ({string.Join(", ", keys)})"));
        var columns = keys.Select(k => "groups." + k).Concat(outputs);
        var order = parts.Count > 0 ? " order by " + string.Join(", ", Enumerable.Range(1, parts.Count)) : "";
        return $"with {string.Join(",\n", ctes)}\nselect {string.Join(", ", columns)} from {from}{order}";
    }

    private static string Rows(MeasureWindow window, string period) => window switch
    {
        MeasureWindow.LatestWeek => $"{period} = __latest",
        MeasureWindow.PreviousWeek => $"{period} = __latest - 7",
        MeasureWindow.Last4Weeks => $"{period} > __latest - 28 and {period} <= __latest",
        _ => "true",
    };

    private static (string Expression, string Alias) SplitAlias(string group)
    {
        var at = group.LastIndexOf(" as ", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (group, group) : (group[..at].Trim(), group[(at + 4)..].Trim());
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
