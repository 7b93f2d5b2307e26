using System.Data;
using System.Globalization;
using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest.SqlServerQuery;

/// <summary>
/// Lands query rows in DuckDB the way ingest lands a file: every column as VARCHAR text in the canonical format
/// (ISO dates and timestamps, '.' decimals, true/false), plus <c>_file</c>, <c>_line</c> (row ordinal + 1) and
/// <c>_file_order</c> (0), through the appender.
/// </summary>
public static class QueryLanding
{
    /// <param name="connection">The warehouse.</param>
    /// <param name="table">Landing table, replaced.</param>
    /// <param name="rows">The rows; column names are lower-cased.</param>
    /// <param name="file">What <c>_file</c> says, e.g. <c>sqlserver:activities</c>.</param>
    /// <param name="emptyColumns">Columns to add after the reader's, always null.</param>
    /// <param name="cancellationToken">Checked every few thousand rows.</param>
    /// <returns>Rows landed.</returns>
    public static long Land(
        DuckDBConnection connection,
        string table,
        IDataReader rows,
        string file,
        IReadOnlyList<string>? emptyColumns = null,
        CancellationToken cancellationToken = default)
    {
        var names = Enumerable.Range(0, rows.FieldCount).Select(i => rows.GetName(i).ToLowerInvariant()).ToList();
        var empty = emptyColumns ?? [];
        var duplicate = names.Concat(empty).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CapacityException($"{file}: the query returns column {duplicate.Key} twice; alias one of them.");
        }
        var columns = names.Concat(empty).Concat(LandingColumns.Bookkeeping).Select(n => $"{Sql.Identifier(n)} {LandingColumns.TypeOf(n)}");
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"create or replace table {Sql.Identifier(table)} ({string.Join(", ", columns)})";
            create.ExecuteNonQuery();
        }

        long line = 0;
        using var appender = connection.CreateAppender(table);
        while (rows.Read())
        {
            if (line % 8192 == 0) cancellationToken.ThrowIfCancellationRequested();
            line++;
            var row = appender.CreateRow();
            for (var i = 0; i < names.Count; i++)
            {
                var text = rows.IsDBNull(i) ? null : CanonicalText(rows.GetValue(i), rows.GetDataTypeName(i));
                if (text is null) row.AppendNullValue();
                else row.AppendValue(text);
            }
            foreach (var _ in empty) row.AppendNullValue();
            row.AppendValue(file).AppendValue((long?)line).AppendValue((int?)0).EndRow();
        }
        return line;
    }

    /// <summary>A value in the input contract's text format (docs/input-contract.md).</summary>
    /// <param name="value">The value as the reader returns it.</param>
    /// <param name="dataTypeName">The source type name; SQL Server's <c>date</c> arrives as a DateTime.</param>
    public static string? CanonicalText(object? value, string? dataTypeName = null) => value switch
    {
        null or DBNull => null,
        string s => s,
        DateTime d when string.Equals(dataTypeName, "date", StringComparison.OrdinalIgnoreCase) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // A timestamp without an offset is taken as the pipeline's timezone, as in an extract file.
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

}
