using System.Globalization;
using System.IO.Hashing;
using System.Text;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>What a table holds, in short: its rows, its fingerprint and, of a partitioned table, each partition's.</summary>
/// <param name="Rows">Its row count.</param>
/// <param name="Fingerprint">Lower-case hex; equal for two tables with the same columns and rows.</param>
/// <param name="Partitions">Of a partitioned table, each partition's fingerprint by the partition's value as text; else null.</param>
public sealed record TableContent(long Rows, string Fingerprint, IReadOnlyDictionary<string, string>? Partitions);

/// <summary>
/// A digest of what a table holds: DuckDB's version, its columns (names and types, in order), its row count and the
/// sum of DuckDB's 64-bit <c>hash</c> of every row, so the order the rows are stored in does not matter. It costs one
/// scan, far less than writing the table again, and the tables of a publish are read in one query. Publish targets
/// compare it to keep what they already hold of a table that did not change. A change goes unnoticed only when the
/// changed rows' hashes add up to the same 128-bit sum, about one chance in 2^64; values that compare equal (0.0 and
/// -0.0) hash alike, and a new DuckDB version changes every fingerprint, so an upgrade writes everything again.
/// </summary>
public static class TableFingerprint
{
    /// <summary>The fingerprint of <c>schema.table</c>.</summary>
    public static string Of(DuckDBConnection connection, string schema, string table) =>
        OfTables(connection, schema, [(table, null)])[table].Fingerprint;

    /// <summary>
    /// What each of <paramref name="tables"/> in <paramref name="schema"/> holds, read in one query. A table with a
    /// partition expression (e.g. <c>year(activity_date)</c>) also gets each partition's fingerprint (the rows where
    /// the expression has one value), and its own fingerprint is made of those. Tables that do not exist are left out.
    /// </summary>
    public static Dictionary<string, TableContent> OfTables(DuckDBConnection connection, string schema, IEnumerable<(string Table, string? PartitionBy)> tables)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var headers = Headers(connection, schema);
        var wanted = tables.Where(t => headers.ContainsKey(t.Table)).DistinctBy(t => t.Table).ToList();
        var result = new Dictionary<string, TableContent>(StringComparer.Ordinal);
        if (wanted.Count == 0) return result;
        var parts = wanted.Select(t => t.PartitionBy is { } by
            ? $"""
              select {Sql.Literal(t.Table)} as _table, coalesce(cast(_partition as varchar), '') as _partition, count(*) as _rows, coalesce(sum(_hash), 0)::varchar as _hash
              from (select {by} as _partition, hash(_row) as _hash from {Sql.Identifier(schema)}.{Sql.Identifier(t.Table)} as _row)
              group by _partition
              """
            : $"""
              select {Sql.Literal(t.Table)} as _table, null::varchar as _partition, count(*) as _rows, coalesce(sum(hash(_row)), 0)::varchar as _hash
              from {Sql.Identifier(schema)}.{Sql.Identifier(t.Table)} as _row
              """);
        var rows = new Dictionary<string, List<(string? Partition, long Rows, string Hash)>>(StringComparer.Ordinal);
        using (var command = connection.Command(string.Join("\nunion all\n", parts)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var table = reader.GetString(0);
                if (!rows.TryGetValue(table, out var list)) rows[table] = list = [];
                list.Add((reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }
        foreach (var (table, partitionBy) in wanted)
        {
            var header = headers[table];
            var found = rows.GetValueOrDefault(table) ?? [];
            if (partitionBy is null)
            {
                var (_, count, hash) = found.Single();
                result[table] = new TableContent(count, Digest(header, count, hash), null);
                continue;
            }
            var partitions = found.ToDictionary(r => r.Partition!, r => Digest(header, r.Rows, r.Hash), StringComparer.Ordinal);
            result[table] = new TableContent(found.Sum(r => r.Rows), Combine(partitions), partitions);
        }
        return result;
    }

    /// <summary>
    /// The fingerprint of some columns of a <c>main</c> table: their names and types, the row count and the sum of the
    /// rows' hashes over those columns alone, so it changes when they do and not when another column does. Null when the
    /// table or one of the columns is not there.
    /// </summary>
    public static string? OfColumns(DuckDBConnection connection, string table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        var types = connection.ColumnTypes(table).ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        if (columns.Count == 0 || columns.Any(c => !types.ContainsKey(c))) return null;
        using var sum = connection.Command(
            $"select count(*), coalesce(sum(hash(_row)), 0)::varchar from (select {string.Join(", ", columns.Select(Sql.Identifier))} from {Sql.Identifier(table)}) as _row");
        using var result = sum.ExecuteReader();
        result.Read();
        var header = connection.Scalar<string>("select version()") + "\n" + string.Join("\n", columns.Select(c => c + " " + types[c])) + "\n";
        return Digest(header, result.GetInt64(0), result.GetString(1));
    }

    /// <summary>One fingerprint for a table from those of its partitions.</summary>
    private static string Combine(IReadOnlyDictionary<string, string> partitions) =>
        Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(
            string.Concat(partitions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value + "\n")))));

    /// <summary>Each table of the schema: DuckDB's version and its columns (names and types, in order).</summary>
    private static Dictionary<string, string> Headers(DuckDBConnection connection, string schema)
    {
        var version = connection.Scalar<string>("select version()");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.Command("""
            select c.table_name, string_agg(c.column_name || ' ' || c.data_type, chr(10) order by c.column_index)
            from duckdb_columns() c
            join duckdb_tables() t on t.database_name = c.database_name and t.schema_name = c.schema_name and t.table_name = c.table_name
            where c.database_name = current_database() and c.schema_name = $1
            group by c.table_name
            """, schema);
        using var reader = command.ExecuteReader();
        while (reader.Read()) headers[reader.GetString(0)] = version + "\n" + reader.GetString(1) + "\n";
        return headers;
    }

    private static string Digest(string header, long rows, string hashSum) =>
        Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(
            header + rows.ToString(CultureInfo.InvariantCulture) + " " + hashSum)));
}
