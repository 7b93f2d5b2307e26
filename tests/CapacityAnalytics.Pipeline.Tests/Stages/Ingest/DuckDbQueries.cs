using System.Globalization;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest;

/// <summary>Reads query results as invariant strings, so expectations are written as text.</summary>
public static class DuckDbQueries
{
    public static List<string[]> Rows(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)
                .ToArray());
        }
        return rows;
    }

    /// <summary>Rejects as "file-name:line:column:value:reason-start" strings, ordered.</summary>
    public static List<string> Rejects(this DuckDBConnection connection) =>
        connection.Rows("select file, line, \"column\", value, reason from ingest_rejects order by file, line, \"column\"")
            .Select(r => $"{Path.GetFileName(r[0])}:{r[1]}:{r[2]}:{r[3]}")
            .ToList();
}
