using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Raw tables are built under a pending name and swapped in together at the end of an ingest, in one transaction,
/// so a failed ingest leaves the previous <c>raw_</c> tables as they were. A raw table's companion (the usage events'
/// per-file days beside their account-days) is swapped with it, or dropped when this ingest wrote none, so it never
/// describes an earlier load.
/// </summary>
public static class PendingTables
{
    private const string Prefix = "_ingest_pending_";

    private static readonly Dictionary<string, string> Companions = new(StringComparer.Ordinal)
    {
        [UsageEventsDaily.Table] = UsageEventsDaily.FilesTable,
    };

    public static string NameFor(string rawTable) => Prefix + rawTable;

    public static void Commit(DuckDBConnection connection, IEnumerable<string> rawTables)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in rawTables)
        {
            Swap(connection, table);
            if (!Companions.TryGetValue(table, out var companion)) continue;
            if (connection.TableExists(NameFor(companion))) Swap(connection, companion);
            else connection.Execute($"drop table if exists {Sql.Identifier(companion)}");
        }
        transaction.Commit();
    }

    public static void Discard(DuckDBConnection connection, IEnumerable<string> rawTables)
    {
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
