using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Raw tables are built under a pending name and swapped in together at the end of an ingest, in one transaction,
/// so a failed ingest leaves the previous <c>raw_</c> tables as they were. A raw table's companion (the usage events'
/// per-file days beside their account-days) is swapped with it, or dropped when this ingest wrote none, so it never
/// describes an earlier load. The same transaction records what changed in <see cref="IngestChangeLog"/>: the rows of
/// <see cref="ChangeTable"/> when the caller built them (an append), else that everything changed.
/// </summary>
public static class PendingTables
{
    private const string Prefix = "_ingest_pending_";

    private static readonly Dictionary<string, string> Companions = new(StringComparer.Ordinal)
    {
        [UsageEventsDaily.Table] = UsageEventsDaily.FilesTable,
    };

    public static string NameFor(string rawTable) => Prefix + rawTable;

    /// <summary>The pending rows of <see cref="IngestChangeLog"/> an append builds (same columns).</summary>
    public const string ChangeTable = Prefix + IngestChangeLog.Table;

    /// <param name="connection">The warehouse.</param>
    /// <param name="rawTables">The raw tables whose pending versions replace them.</param>
    /// <param name="changesListed">True when the caller listed every changed row in <see cref="ChangeTable"/>.</param>
    public static void Commit(DuckDBConnection connection, IEnumerable<string> rawTables, bool changesListed = false)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in rawTables)
        {
            Swap(connection, table);
            if (!Companions.TryGetValue(table, out var companion)) continue;
            if (connection.TableExists(NameFor(companion))) Swap(connection, companion);
            else connection.Execute($"drop table if exists {Sql.Identifier(companion)}");
        }
        RecordChanges(connection, changesListed);
        transaction.Commit();
    }

    /// <summary>
    /// An append's commit: each pending table holds only the new rows, which join the raw table in place (the loaded
    /// rows whose key they hold deleted first), so the cost follows the new rows, not the table; a companion's pending
    /// rows are appended likewise. The rows of <see cref="ChangeTable"/> go to the change log in the same transaction.
    /// </summary>
    /// <param name="connection">The warehouse.</param>
    /// <param name="appends">Each raw table with the condition (over loaded <c>o</c> and new <c>n</c>) saying a new row replaces a loaded one; null: none does.</param>
    public static void CommitAppend(DuckDBConnection connection, IEnumerable<(string RawTable, string? Replaces)> appends)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var (table, replaces) in appends)
        {
            Append(connection, table, replaces);
            if (Companions.TryGetValue(table, out var companion) && connection.TableExists(NameFor(companion))) Append(connection, companion, null);
        }
        RecordChanges(connection, listed: true);
        transaction.Commit();
    }

    private static void Append(DuckDBConnection connection, string table, string? replaces)
    {
        var raw = Sql.Identifier(table);
        var fresh = Sql.Identifier(NameFor(table));
        if (replaces is not null) connection.Execute($"delete from {raw} o where exists (select 1 from {fresh} n where {replaces})");
        var loaded = connection.ColumnNames(table);
        // New files with a column the loaded ones lack (an extra column) widen the table; otherwise rows are inserted.
        if (connection.ColumnNames(NameFor(table)).All(loaded.Contains)) connection.Execute($"insert into {raw} by name select * from {fresh}");
        else connection.Execute($"create or replace table {raw} as select * from {raw} union all by name select * from {fresh}");
        connection.Execute($"drop table {fresh}");
    }

    private static void RecordChanges(DuckDBConnection connection, bool listed)
    {
        if (listed)
        {
            IngestChangeLog.EnsureExists(connection);
            connection.Execute($"insert into {IngestChangeLog.Table} select * from {ChangeTable}");
            connection.Execute($"drop table {ChangeTable}");
        }
        else
        {
            connection.Execute($"drop table if exists {ChangeTable}");
            IngestChangeLog.RecordEverything(connection);
        }
    }

    public static void Discard(DuckDBConnection connection, IEnumerable<string> rawTables)
    {
        connection.Execute($"drop table if exists {ChangeTable}");
        foreach (var table in rawTables)
        {
            connection.Execute($"drop table if exists {Sql.Identifier(NameFor(table))}");
            if (Companions.TryGetValue(table, out var companion)) connection.Execute($"drop table if exists {Sql.Identifier(NameFor(companion))}");
        }
    }

    private static void Swap(DuckDBConnection connection, string table)
    {
        connection.Execute($"drop table if exists {Sql.Identifier(table)}");
        connection.Execute($"alter table {Sql.Identifier(NameFor(table))} rename to {Sql.Identifier(table)}");
    }
}
