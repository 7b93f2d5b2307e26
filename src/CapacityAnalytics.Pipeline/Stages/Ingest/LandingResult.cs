namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>What landing read for one entity: rows landed, records rejected for their structure, bytes of input.</summary>
public sealed record LandingResult(IReadOnlyList<string> Files, long RowsLanded, long StructuralRejects, long Bytes);
