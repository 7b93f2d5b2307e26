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
        if (changesListed)
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
        transaction.Commit();
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
