using System.Data;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>Streams a source reader into a bulk writer in batches; returns the number of rows sent.</summary>
public static class BulkLoader
{
    /// <param name="source">Rows in the order of <paramref name="columns"/>, e.g. a DuckDB data reader over the plan's query.</param>
    /// <param name="columns">The columns' target types and value conversions.</param>
    /// <param name="batchSize">Rows per batch.</param>
    /// <param name="destination">Quoted target table.</param>
    /// <param name="writer">SqlBulkCopy, or a recorder in tests.</param>
    /// <param name="onBatch">Called after each batch with the rows sent so far.</param>
    /// <param name="cancellationToken">Checked between batches and passed to the writer.</param>
    public static long Load(
        IDataReader source,
        IReadOnlyList<SqlServerColumn> columns,
        int batchSize,
        string destination,
        IBulkWriter writer,
        Action<long>? onBatch = null,
        CancellationToken cancellationToken = default)
    {
        if (source.FieldCount != columns.Count)
        {
            throw new InvalidOperationException($"{destination}: the source has {source.FieldCount} columns, the plan {columns.Count}.");
        }
        var batch = new BatchReader(source, columns, batchSize);
        long rows = 0;
        while (batch.NextBatch())
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteBatch(destination, batch, cancellationToken);
            rows += batch.RowsInBatch;
            onBatch?.Invoke(rows);
        }
        return rows;
    }
}
