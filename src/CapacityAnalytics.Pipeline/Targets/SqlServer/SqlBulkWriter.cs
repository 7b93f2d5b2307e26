using System.Data;
using Microsoft.Data.SqlClient;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>Bulk-copies batches over an open connection, locking the (new, unread) staging table for speed.</summary>
public sealed class SqlBulkWriter(SqlConnection connection) : IBulkWriter
{
    public void WriteBatch(string destination, IDataReader rows, CancellationToken cancellationToken)
    {
        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.TableLock, externalTransaction: null)
        {
            DestinationTableName = destination,
            BulkCopyTimeout = 0,
            EnableStreaming = true,
        };
        for (var i = 0; i < rows.FieldCount; i++)
        {
            var name = rows.GetName(i);
            bulk.ColumnMappings.Add(name, name);
        }
        bulk.WriteToServerAsync(rows, cancellationToken).GetAwaiter().GetResult();
    }
}
