namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>What the typing step did with one landed entity.</summary>
/// <param name="Entity">The contract entity.</param>
/// <param name="Table">The raw table it will become (written under its pending name until the swap).</param>
/// <param name="RowsTyped">Rows in the landing table.</param>
/// <param name="RowsRejected">Rows with at least one bad cell.</param>
/// <param name="DuplicatesSuperseded">Good rows replaced by a later version of their key.</param>
/// <param name="TableRows">Rows in the raw table.</param>
public sealed record TypingResult(string Entity, string Table, long RowsTyped, long RowsRejected, long DuplicatesSuperseded, long TableRows)
{
    public long RowsLoaded => RowsTyped - RowsRejected;
}
