using System.Data.Common;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Presets;

/// <summary>Small command helpers for the preset engine.</summary>
internal static class DuckDbExtensions
{
    public static void Execute(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long ScalarLong(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<string> Strings(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        return result;
    }

    /// <summary>Name and type of each column of a query, without running it.</summary>
    public static List<(string Name, string Type)> Describe(this DuckDBConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "describe " + query;
        using DbDataReader reader = command.ExecuteReader();
        var result = new List<(string, string)>();
        while (reader.Read())
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }
        return result;
    }

    /// <summary>The one-line gist of a DuckDB error (its first line, without the caret excerpt).</summary>
    public static string Gist(this DuckDBException exception) =>
        exception.Message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(line => !line.StartsWith("LINE ", StringComparison.Ordinal))
            .Take(2)
            .Aggregate((a, b) => a + " " + b.Trim());
}
