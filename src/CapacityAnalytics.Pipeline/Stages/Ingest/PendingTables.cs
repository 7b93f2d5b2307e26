using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>
/// Raw tables are built under a pending name and swapped in together at the end of an ingest, in one transaction,
/// so a failed ingest leaves the previous <c>raw_</c> tables as they were.
/// </summary>
public static class PendingTables
{
    private const string Prefix = "_ingest_pending_";

    public static string NameFor(string rawTable) => Prefix + rawTable;

    public static void Commit(DuckDBConnection connection, IEnumerable<string> rawTables)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var table in rawTables)
        {
            connection.Execute($"drop table if exists {Sql.Identifier(table)}");
            connection.Execute($"alter table {Sql.Identifier(NameFor(table))} rename to {Sql.Identifier(table)}");
        }
        transaction.Commit();
    }

    public static void Discard(DuckDBConnection connection, IEnumerable<string> rawTables)
    {
        foreach (var table in rawTables)
        {
            connection.Execute($"drop table if exists {Sql.Identifier(NameFor(table))}");
        }
    }
}
