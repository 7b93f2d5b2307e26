using CapacityAnalytics.Pipeline.Warehouse;
using DuckDB.NET.Data;

namespace CapacityAnalytics.Pipeline.Tests.Support;

/// <summary>Whether two schemas hold the same table, by <see cref="TableFingerprint"/>.</summary>
public static class SameTable
{
    /// <summary>True when <c>schema.table</c> and <c>otherSchema.table</c> both exist and hold the same columns and rows.</summary>
    public static bool In(DuckDBConnection connection, string schema, string otherSchema, string table) =>
        TableFingerprint.OfTables(connection, otherSchema, [(table, null)]).TryGetValue(table, out var other)
        && TableFingerprint.Of(connection, schema, table) == other.Fingerprint;
}
