using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Publish;

/// <summary>The few DuckDB calls the publishers make.</summary>
internal static class Db
{
    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static T Scalar<T>(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static bool TableExists(DuckDBConnection connection, string table) =>
        Scalar<long>(connection, $"select count(*) from information_schema.tables where table_schema = 'main' and table_name = {Literal(table)}") > 0;

    /// <summary>The table's columns and DuckDB types, in table order.</summary>
    public static IReadOnlyList<ManifestColumn> Columns(DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "select column_name, data_type from information_schema.columns "
            + $"where table_schema = 'main' and table_name = {Literal(table)} order by ordinal_position";
        using var reader = command.ExecuteReader();
        var columns = new List<ManifestColumn>();
        while (reader.Read())
        {
            columns.Add(new ManifestColumn(reader.GetString(0), reader.GetString(1)));
        }
        return columns;
    }
}
