using System.Globalization;

namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>The share of rejected rows of an entity passed the run's threshold; the rejects table stays queryable.</summary>
public sealed class RejectThresholdExceededException : IngestException
{
    public RejectThresholdExceededException(string entity, long rejectedRows, long rowsRead, double threshold, string? commonestReason = null)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"{entity}: {rejectedRows} of {rowsRead} rows rejected ({Share(rejectedRows, rowsRead):P2}), above the threshold of {threshold:P2}; {(commonestReason is null ? "" : $"most often {commonestReason}; ")}see table {RejectsTable.Name} (select * from {RejectsTable.Name} where entity = '{entity}') for file, line, column and reason."))
    {
        Entity = entity;
        RejectedRows = rejectedRows;
        RowsRead = rowsRead;
        Threshold = threshold;
    }

    public string Entity { get; }

    public long RejectedRows { get; }

    public long RowsRead { get; }

    public double Threshold { get; }

    public double RejectedShare => Share(RejectedRows, RowsRead);

    private static double Share(long rejected, long read) => read == 0 ? 0 : (double)rejected / read;
}
