namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>One bad cell (or one structural error, with no column) as written to <see cref="RejectsTable"/>.</summary>
public sealed record IngestReject(string Entity, string File, long? Line, string? Column, string? Value, string Reason);
