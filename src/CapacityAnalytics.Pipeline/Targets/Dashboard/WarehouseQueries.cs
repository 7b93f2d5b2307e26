using System.Globalization;
using CapacityAnalytics.Pipeline.SqlModels;
using CapacityAnalytics.Pipeline.Targets.Measures;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Targets.Dashboard;

/// <summary>
/// The dashboard's only way into the warehouse: catalog measures (grouped and filtered) and plain selects for lists.
/// A table the run did not produce (e.g. no calibration yet) gives no rows, and the page says so. It notes every table
/// it looked for or named in a query, and the columns of a <see cref="Lookup"/> (<see cref="TakeReads"/>): what a page
/// read, so that a publish can tell whether the page would come out the same.
/// </summary>
/// <param name="connection">The warehouse.</param>
/// <param name="catalog">The measures.</param>
/// <param name="tables">The warehouse's table names when the caller has read them already; null: read on first use.</param>
public sealed class WarehouseQueries(DuckDBConnection connection, MeasureCatalog catalog, IReadOnlySet<string>? tables = null)
{
    private readonly SortedSet<string> reads = new(StringComparer.Ordinal);

    public MeasureCatalog Catalog => catalog;

    /// <summary>Whether the warehouse has the table (the names are read at most once, in one query).</summary>
    public bool Has(string table)
    {
        reads.Add(table);
        return Tables.Contains(table);
    }

    /// <summary>The tables looked for or named in a query since the last call, in name order; the list starts again.</summary>
    public IReadOnlyList<string> TakeReads()
    {
        var taken = reads.ToList();
        reads.Clear();
        return taken;
    }

    private IReadOnlySet<string> Tables => tables ??= connection.TableNames();

    private IReadOnlyList<Dictionary<string, object?>> Rows(string sql)
    {
        reads.UnionWith(SqlModelCatalog.References(sql, Tables, self: ""));
        return MeasureQuery.Rows(connection, sql);
    }

    /// <summary>Catalog measures of one home table, one row per group (ordered by the groups).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Measures(IReadOnlyList<string> names, IReadOnlyList<string>? groupBy = null, string? where = null)
    {
        var measures = names.Select(n => catalog[n]).ToList();
        return Has(measures[0].Table) ? Rows(MeasureQuery.Sql(measures, groupBy, where)) : [];
    }

    /// <summary>Headline figures: each measure over its home table (with the filter given for that table).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Kpis(IEnumerable<(string Measure, string? Where, string Note)> kpis) =>
        [.. kpis.Select(k =>
        {
            var table = catalog[k.Measure].Table;
            object? value = Has(table) ? Rows(MeasureQuery.Sql([catalog[k.Measure]], null, k.Where))[0][k.Measure] : null;
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["measure"] = k.Measure, ["value"] = value, ["note"] = k.Note };
        })];

    /// <summary>A plain select for a list; <paramref name="table"/> is the table it needs.</summary>
    public IReadOnlyList<Dictionary<string, object?>> Select(string table, string sql) =>
        Has(table) ? Rows(sql) : [];

    /// <summary>A date the warehouse holds (e.g. the latest week), as ISO text, or null.</summary>
    public string? Date(string table, string sql)
    {
        if (!Has(table)) return null;
        var rows = Rows(sql);
        return rows.Count == 0 ? null : rows[0].Values.First() as string;
    }

    /// <summary>
    /// One column of a table by another (e.g. CSM names by id). The read is noted as the two columns alone
    /// (<see cref="Projection"/>), so a page that needs only them is not read again when the table's other columns change
    /// (<c>dim_csm</c>'s books change every day, its names seldom). No table: no entries.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Lookup(string table, string key, string value)
    {
        reads.Add(Projection(table, [key, value]));
        if (!Tables.Contains(table)) return new Dictionary<string, object?>(StringComparer.Ordinal);
        return MeasureQuery.Rows(connection, $"select {Sql.Identifier(key)} as k, {Sql.Identifier(value)} as v from {Sql.Identifier(table)}")
            .Where(r => r["k"] is string)
            .ToDictionary(r => (string)r["k"]!, r => r["v"], StringComparer.Ordinal);
    }

    /// <summary>How a read of some columns of a table is noted: <c>table(column, column)</c>.</summary>
    public static string Projection(string table, IReadOnlyList<string> columns) => $"{table}({string.Join(", ", columns)})";

    /// <summary>The table and columns of a read noted by <see cref="Projection"/>; null for a read of a whole table.</summary>
    public static (string Table, IReadOnlyList<string> Columns)? ParseProjection(string read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var open = read.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !read.EndsWith(')')) return null;
        return (read[..open], read[(open + 1)..^1].Split(", "));
    }

    public IReadOnlyList<string> Columns(string table) => Has(table) ? [.. connection.ColumnTypes(table).Select(c => c.Name)] : [];

    public static string DateLiteral(string isoDate) =>
        "date '" + DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    public static string Text(string value) => Sql.Literal(value);
}
