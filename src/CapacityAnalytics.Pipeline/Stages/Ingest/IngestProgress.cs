namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>Progress of an ingest, reported once per entity stage.</summary>
public sealed record IngestProgress(string Entity, string Stage, int EntityIndex, int EntityCount);
