using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Warehouse;

/// <summary>
/// <c>ingest_change(entity, account_id, csm_id, day)</c>: what ingest changed in the raw tables since the last
/// successful transform, which the transform reads to rebuild only the affected partitions of its incremental models
/// (sql/README.md) and empties in its own transaction when it commits. An append records one row per new or replaced
/// row, for the old and the new version; any other swap of raw tables records <c>entity = '*'</c> (everything
/// changed). A warehouse without the table (older, or never ingested through a raw-table swap) is rebuilt in full.
/// </summary>
public static class IngestChangeLog
{
    public const string Table = "ingest_change";

    /// <summary>The entity of the row saying that everything changed (a full ingest).</summary>
    public const string Everything = "*";

    /// <summary>Its columns, for the log and for an append's pending rows of it.</summary>
    public const string Columns = "entity varchar, account_id varchar, csm_id varchar, day date";

    public static void EnsureExists(DuckDBConnection connection) =>
        connection.Execute($"create table if not exists {Table} ({Columns})");

    /// <summary>Records that every raw table may have changed: the next transform rebuilds everything.</summary>
    public static void RecordEverything(DuckDBConnection connection)
    {
        EnsureExists(connection);
        connection.Execute($"insert into {Table} values ($1, null, null, null)", Everything);
    }
}
