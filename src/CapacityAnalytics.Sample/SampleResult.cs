namespace CapacityAnalytics.Sample;

/// <summary>What <see cref="SampleCompanyGenerator.Write"/> wrote.</summary>
/// <param name="OutputDirectory">The extract folder.</param>
/// <param name="RowsWritten">Data rows (without header) per entity name.</param>
/// <param name="Paths">File path per entity name.</param>
/// <param name="GroundTruthPath">Path of ground_truth.json.</param>
/// <param name="GroundTruth">What the company was generated from and what was planted in it.</param>
public sealed record SampleResult(
    string OutputDirectory,
    IReadOnlyDictionary<string, long> RowsWritten,
    IReadOnlyDictionary<string, string> Paths,
    string GroundTruthPath,
    SampleGroundTruth GroundTruth)
{
    public long TotalRows => RowsWritten.Values.Sum();
}
