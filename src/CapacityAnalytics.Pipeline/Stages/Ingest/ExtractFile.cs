namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>The formats ingest reads.</summary>
public enum ExtractFormat
{
    Csv,
    Parquet,
}

/// <summary>One file of an entity. <paramref name="Order"/>: position among the entity's files sorted by path (later = newer).</summary>
public sealed record ExtractFile(string Path, ExtractFormat Format, int Order);
