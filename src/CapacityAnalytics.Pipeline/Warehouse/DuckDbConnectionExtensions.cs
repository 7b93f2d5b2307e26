using System.Globalization;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>Helpers on a raw connection, so code handed a connection (ingest, presets) shares them.</summary>
public static class DuckDbConnectionExtensions
{
    public static int Execute(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static T? Scalar<T>(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        if (value is null || value is DBNull)
        {
            return default;
        }
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    public static bool TableExists(this DuckDBConnection connection, string table) =>
        connection.Scalar<long>(
            "select count(*) from duckdb_tables() where table_name = $1 and schema_name = current_schema()",
            table) > 0;

    public static long RowCount(this DuckDBConnection connection, string table) =>
        connection.Scalar<long>("select count(*) from " + Sql.Identifier(table));

    /// <summary>The column names of a table or view, in order.</summary>
    public static IReadOnlyList<string> ColumnNames(this DuckDBConnection connection, string table)
    {
        using var command = Command(connection,
            "select column_name from duckdb_columns() where table_name = $1 and schema_name = current_schema() order by column_index",
            table);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    /// <summary>A table's columns and their DuckDB types, in table order.</summary>
    public static IReadOnlyList<(string Name, string Type)> ColumnTypes(this DuckDBConnection connection, string table)
    {
        using var command = connection.Command(
            "select column_name, data_type from information_schema.columns where table_schema = 'main' and table_name = $1 order by ordinal_position",
            table);
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    public static DuckDBCommand Command(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        }
        return command;
    }
}
