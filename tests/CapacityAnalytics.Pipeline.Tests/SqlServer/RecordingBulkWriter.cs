using System.Data;
using CapacityAnalytics.Pipeline.Targets.SqlServer;

namespace CapacityAnalytics.Pipeline.Tests.SqlServer;

/// <summary>A bulk writer that reads each batch the way SqlBulkCopy does and keeps the rows.</summary>
internal sealed class RecordingBulkWriter : IBulkWriter
{
    public List<string> Destinations { get; } = [];
    public List<int> BatchSizes { get; } = [];
    public List<object[]> Rows { get; } = [];
    public List<string> Names { get; } = [];
    public List<Type> FieldTypes { get; } = [];

    public void WriteBatch(string destination, IDataReader rows, CancellationToken cancellationToken)
    {
        Destinations.Add(destination);
        Names.Clear();
        FieldTypes.Clear();
        // Asked before the first row, as SqlBulkCopy may.
        for (var i = 0; i < rows.FieldCount; i++)
        {
            Names.Add(rows.GetName(i));
            FieldTypes.Add(rows.GetFieldType(i));
        }
        var count = 0;
        while (rows.Read())
        {
            var values = new object[rows.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = rows.IsDBNull(i) ? DBNull.Value : rows.GetValue(i);
            Rows.Add(values);
            count++;
        }
        BatchSizes.Add(count);
    }
}
