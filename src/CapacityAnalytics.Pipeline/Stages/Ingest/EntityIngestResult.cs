namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>What ingest did with one entity.</summary>
/// <param name="Entity">The contract entity.</param>
/// <param name="Files">Its files, in file order.</param>
/// <param name="RowsRead">Data records read (good and rejected).</param>
/// <param name="RowsLoaded">Valid rows after validation, before dedup (for usage_events: valid events aggregated).</param>
/// <param name="RowsRejected">Records with at least one bad cell or a structural error.</param>
/// <param name="DuplicatesSuperseded">Valid rows replaced by a later version of the same key.</param>
/// <param name="Seconds">Wall time of landing and typing.</param>
/// <param name="Bytes">Size of its input files.</param>
/// <param name="Table">The raw table written.</param>
/// <param name="TableRows">Rows in that table (after dedup or aggregation).</param>
public sealed record EntityIngestResult(
    string Entity,
    IReadOnlyList<string> Files,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long DuplicatesSuperseded,
    double Seconds,
    long Bytes,
    string Table,
    long TableRows)
{
    public double RejectedShare => RowsRead == 0 ? 0 : (double)RowsRejected / RowsRead;
}
