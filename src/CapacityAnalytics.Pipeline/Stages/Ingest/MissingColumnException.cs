namespace CapacityAnalytics.Pipeline.Stages.Ingest;

/// <summary>A required contract column is absent from a file's header (or from a landed table).</summary>
public sealed class MissingColumnException : IngestException
{
    public MissingColumnException(string file, string entity, string column)
        : base($"{file}: required column '{column}' of {entity} is missing from the header; add it to the extract or map it with a preset.")
    {
        File = file;
        Entity = entity;
        Column = column;
    }

    public string File { get; }

    public string Entity { get; }

    public string Column { get; }
}
