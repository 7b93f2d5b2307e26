using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>How one warehouse table is bulk-copied into its staging table.</summary>
/// <param name="Table">Published name (the swap's target).</param>
/// <param name="Columns">Columns with their T-SQL types, in table order.</param>
/// <param name="SelectSql">The DuckDB query that streams the rows, columns in the same order.</param>
/// <param name="BatchSize">Rows per bulk-copy batch.</param>
public sealed record BulkLoadPlan(string Table, IReadOnlyList<SqlServerColumn> Columns, string SelectSql, int BatchSize)
{
    public const int DefaultBatchSize = 50_000;

    public string Staging => Table + SqlServerDdl.IncomingSuffix;

    /// <summary>The sizes of the batches <paramref name="rows"/> rows are sent in: full batches, then the rest.</summary>
    public static IReadOnlyList<int> Batches(long rows, int batchSize)
    {
        CheckBatchSize(batchSize);
        var batches = new List<int>();
        for (var left = rows; left > 0; left -= batchSize)
        {
            batches.Add((int)Math.Min(left, batchSize));
        }
        return batches;
    }

    /// <summary>Reads a warehouse table's columns and longest texts and maps them for <paramref name="dialect"/>.</summary>
    public static BulkLoadPlan For(DuckDBConnection connection, string table, SqlDialect dialect, int batchSize = DefaultBatchSize)
    {
        CheckBatchSize(batchSize);
        var duckColumns = connection.ColumnTypes(table);
        if (duckColumns.Count == 0)
        {
            throw new CapacityException($"Table {table} is not in the warehouse; run the transform stage before publishing.");
        }
        var textLengths = TextLengths(connection, table, duckColumns);
        var columns = duckColumns
            .Select(c => SqlServerTypeMapper.Map(dialect, table, c.Name, c.Type, textLengths.GetValueOrDefault(c.Name)))
            .ToList();
        var select = $"select {string.Join(", ", columns.Select(c => Sql.Identifier(c.Name)))} from {Sql.Identifier(table)}";
        return new BulkLoadPlan(table, columns, select, batchSize);
    }

    private static void CheckBatchSize(int batchSize)
    {
        if (batchSize <= 0)
        {
            throw new ConfigurationException($"publish.sqlserver.batch_size must be a positive number of rows (got {batchSize}); 50000 is a good default.");
        }
    }

    /// <summary>Longest value of each VARCHAR column in UTF-8 bytes, in one scan.</summary>
    private static Dictionary<string, long?> TextLengths(DuckDBConnection connection, string table, IReadOnlyList<(string Name, string Type)> columns)
    {
        var text = columns.Where(c => string.Equals(c.Type, "VARCHAR", StringComparison.OrdinalIgnoreCase)).ToList();
        var lengths = new Dictionary<string, long?>(StringComparer.Ordinal);
        if (text.Count == 0) return lengths;
        using var command = connection.CreateCommand();
        command.CommandText = $"select {string.Join(", ", text.Select(c => $"max(strlen({Sql.Identifier(c.Name)}))"))} from {Sql.Identifier(table)}";
        using var reader = command.ExecuteReader();
        reader.Read();
        for (var i = 0; i < text.Count; i++)
        {
            lengths[text[i].Name] = reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        }
        return lengths;
    }

}
