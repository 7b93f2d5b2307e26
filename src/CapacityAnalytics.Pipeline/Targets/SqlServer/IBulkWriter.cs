using System.Data;

namespace CapacityAnalytics.Pipeline.Targets.SqlServer;

/// <summary>Where bulk-copied rows go: SqlBulkCopy in a publish, a recorder in tests.</summary>
public interface IBulkWriter
{
    /// <summary>Writes every row <paramref name="rows"/> yields into <paramref name="destination"/> (a quoted name) as one batch.</summary>
    void WriteBatch(string destination, IDataReader rows, CancellationToken cancellationToken);
}
