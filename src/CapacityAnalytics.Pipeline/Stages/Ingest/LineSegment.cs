namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>From the row with ordinal <paramref name="FromOrdinal"/> on, physical line = ordinal + <paramref name="Offset"/>.</summary>
public readonly record struct LineSegment(long FromOrdinal, long Offset);
