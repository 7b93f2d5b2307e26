using System.Globalization;
using System.IO.Hashing;
using System.Text;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>
/// A digest of what one table holds: DuckDB's version, its columns (names and types, in order), its row count and the
/// sum of DuckDB's 64-bit <c>hash</c> of every row, so the order the rows are stored in does not matter. It costs one
/// scan, far less than writing the table again. Publish targets compare it to keep what they already hold of a table
/// that did not change. A change goes unnoticed only when the changed rows' hashes add up to the same 128-bit sum,
/// about one chance in 2^64; values that compare equal (0.0 and -0.0) hash alike, and a new DuckDB version changes
/// every fingerprint, so an upgrade writes everything again.
/// </summary>
public static class TableFingerprint
{
    /// <summary>The fingerprint of <c>schema.table</c>, as lower-case hex.</summary>
    public static string Of(DuckDBConnection connection, string schema, string table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.Command($"select count(*), coalesce(sum(hash(_row)), 0)::varchar from {Sql.Identifier(schema)}.{Sql.Identifier(table)} as _row");
        using var reader = command.ExecuteReader();
        reader.Read();
        return Digest(Header(connection, schema, table), reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>
    /// The fingerprint of each partition of <c>schema.table</c>: the rows where <paramref name="partitionBy"/> (an
    /// expression over its columns, e.g. <c>year(activity_date)</c>) has one value, by that value as text.
    /// </summary>
    public static Dictionary<string, string> OfPartitions(DuckDBConnection connection, string schema, string table, string partitionBy)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var header = Header(connection, schema, table);
        var partitions = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.Command($"""
            select coalesce(cast(_partition as varchar), ''), count(*), coalesce(sum(_hash), 0)::varchar
            from (select {partitionBy} as _partition, hash(_row) as _hash from {Sql.Identifier(schema)}.{Sql.Identifier(table)} as _row)
            group by _partition
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read()) partitions[reader.GetString(0)] = Digest(header, reader.GetInt64(1), reader.GetString(2));
        return partitions;
    }

    /// <summary>One fingerprint for a table from those of its partitions (<see cref="OfPartitions"/>).</summary>
    public static string Combine(IReadOnlyDictionary<string, string> partitions) =>
        Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(
            string.Concat(partitions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value + "\n")))));

    /// <summary>DuckDB's version and the table's columns (names and types, in order).</summary>
    private static string Header(DuckDBConnection connection, string schema, string table)
    {
        var text = new StringBuilder();
        text.Append(connection.Scalar<string>("select version()")).Append('\n');
        foreach (var column in connection.Strings($"""
            select column_name || ' ' || data_type from duckdb_columns()
            where database_name = current_database() and schema_name = {Sql.Literal(schema)} and table_name = {Sql.Literal(table)}
            order by column_index
            """))
        {
            text.Append(column).Append('\n');
        }
        return text.ToString();
    }

    private static string Digest(string header, long rows, string hashSum) =>
        Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(
            header + rows.ToString(CultureInfo.InvariantCulture) + " " + hashSum)));

    /// <summary>True when both tables exist and hold the same columns and rows (<see cref="Of"/>).</summary>
    public static bool Same(DuckDBConnection connection, string schema, string otherSchema, string table) =>
        Exists(connection, otherSchema, table) && Of(connection, schema, table) == Of(connection, otherSchema, table);

    /// <summary>True when <c>schema.table</c> exists (a table, not a view).</summary>
    public static bool Exists(DuckDBConnection connection, string schema, string table) =>
        connection.Scalar<long>(
            "select count(*) from duckdb_tables() where database_name = current_database() and schema_name = $1 and table_name = $2",
            schema, table) > 0;
}
