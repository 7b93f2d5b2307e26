using System.Data.Common;
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

    /// <summary>
    /// Another open connection to the same database, for work beside this connection's (its own transactions and
    /// temporary tables): a duplicate of an in-memory database, the same file otherwise (DuckDB.NET shares one
    /// database instance between the connections of a process to a file).
    /// </summary>
    public static DuckDBConnection Beside(this DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        DuckDBConnection beside;
        try
        {
            beside = connection.Duplicate();
        }
        catch (NotSupportedException)
        {
            beside = new DuckDBConnection(connection.ConnectionString);
        }
        if (beside.State != System.Data.ConnectionState.Open) beside.Open();
        return beside;
    }

    /// <summary>The names of the tables in the current schema, in one catalog query.</summary>
    public static HashSet<string> TableNames(this DuckDBConnection connection) =>
        connection.Strings("select table_name from duckdb_tables() where schema_name = current_schema()").ToHashSet(StringComparer.Ordinal);

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
    public static IReadOnlyList<(string Name, string Type)> ColumnTypes(this DuckDBConnection connection, string table) =>
        connection.ColumnTypes([table])[table];

    /// <summary>The columns of several <c>main</c> tables in one catalog query (a table that does not exist has none).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Name, string Type)>> ColumnTypes(this DuckDBConnection connection, IEnumerable<string> tables)
    {
        var names = tables.Distinct(StringComparer.Ordinal).ToList();
        var columns = names.ToDictionary(t => t, _ => new List<(string, string)>(), StringComparer.Ordinal);
        using var command = connection.Command(
            "select table_name, column_name, data_type from information_schema.columns where table_schema = 'main' and list_contains($1, table_name) order by table_name, ordinal_position",
            names);
        using var reader = command.ExecuteReader();
        while (reader.Read()) columns[reader.GetString(0)].Add((reader.GetString(1), reader.GetString(2)));
        return columns.ToDictionary(c => c.Key, c => (IReadOnlyList<(string, string)>)c.Value, StringComparer.Ordinal);
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
