namespace CapacityAnalytics.Pipeline.SqlModels;

/// <summary>
/// A table the SQL layer reads but does not build: a <c>raw_&lt;entity&gt;</c> table ingest writes, declared in
/// <c>sql/sources.yaml</c> with its columns. Only staging models may read sources.
/// </summary>
public sealed record SqlSource(string Name, string Description, IReadOnlyList<string> Columns);
