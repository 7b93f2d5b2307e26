using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Stages.Ingest.Presets;

/// <summary>Reads landed rows back as text, for assertions.</summary>
internal static class LandedTable
{
    /// <summary>The row of <c>land_&lt;entity&gt;</c> whose <paramref name="keyColumn"/> is <paramref name="key"/>, column -> value.</summary>
    public static Dictionary<string, string?> Row(DuckDBConnection connection, string entity, string keyColumn, string key)
    {
        var rows = Rows(connection, $"select * from land_{entity} where {keyColumn} = $key", key);
        return Assert.Single(rows);
    }

    public static List<Dictionary<string, string?>> Rows(DuckDBConnection connection, string sql, string? key = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (key is not null)
        {
            command.Parameters.Add(new DuckDBParameter("key", key));
        }
        using var reader = command.ExecuteReader();
        var result = new List<Dictionary<string, string?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i)
                    ? null
                    : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            result.Add(row);
        }
        return result;
    }

    public static long Count(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
