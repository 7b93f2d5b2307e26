namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>An extract folder has no file for an entity that a run needs.</summary>
public sealed class MissingEntityException : IngestException
{
    public MissingEntityException(string folder, string entity)
        : base($"{folder}: no file for required entity '{entity}'; add {entity}.csv (or {entity}_*.csv / {entity}/*.parquet) to the extract folder.")
    {
        Folder = folder;
        Entity = entity;
    }

    public string Folder { get; }

    public string Entity { get; }
}
